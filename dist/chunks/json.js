import { m as maskSecrets } from './task-section.js';

function approval(a, m) {
    return { by: m(a.by), at: m(a.at), via: a.via };
}
function finding(f, m) {
    return {
        kind: f.kind,
        severity: f.severity,
        message: m(f.message),
        ...(f.path === undefined ? {} : { path: m(f.path) }),
        ...(f.line === undefined ? {} : { line: f.line }),
        ...(f.test === undefined ? {} : { test: m(f.test) }),
        ...(f.approved === undefined ? {} : { approved: approval(f.approved, m) }),
    };
}
function step(s, m) {
    return {
        name: m(s.name),
        command: m(s.command),
        status: s.status,
        exitCode: s.exitCode,
        durationMs: s.durationMs,
        outputTail: m(s.outputTail),
        outputBytes: s.outputBytes,
        ...(s.reason === undefined ? {} : { reason: m(s.reason) }),
    };
}
function verifier(v, m) {
    // `image` sits after the step fields, before the optional `reason`, as in the schema.
    const { reason, ...rest } = step(v, m);
    return { ...rest, image: m(v.image), ...(reason === undefined ? {} : { reason }) };
}
function counts(c) {
    return {
        total: c.total,
        passed: c.passed,
        failed: c.failed,
        error: c.error,
        skipped: c.skipped,
        xfail: c.xfail,
    };
}
function testRef(t, m) {
    return {
        id: m(t.id),
        ...(t.file === undefined ? {} : { file: m(t.file) }),
        ...(t.message === undefined ? {} : { message: m(t.message) }),
    };
}
function tests(t, m) {
    return {
        framework: m(t.framework),
        base: counts(t.base),
        head: counts(t.head),
        removed: t.removed.map((r) => testRef(r, m)),
        newlySkipped: t.newlySkipped.map((r) => testRef(r, m)),
        regressed: t.regressed.map((r) => testRef(r, m)),
        added: t.added,
        notes: t.notes.map(m),
    };
}
function network(n, m) {
    const entry = (e) => ({ host: m(e.host), port: e.port, count: e.count });
    return {
        allowed: n.allowed.map(entry),
        denied: n.denied.map((e) => ({
            ...entry(e),
            ...(e.reason === undefined ? {} : { reason: m(e.reason) }),
        })),
    };
}
function task(t, m) {
    return {
        task: m(t.task),
        branch: m(t.branch),
        rounds: t.rounds.map((r) => ({
            round: r.round,
            commit: r.commit,
            outcome: r.outcome,
            executor: {
                exitCode: r.executor.exitCode,
                timedOut: r.executor.timedOut,
                durationMs: r.executor.durationMs,
                outputBytes: r.executor.outputBytes,
            },
            reverted: r.reverted.map(m),
            noChange: r.noChange,
            failing: r.failing.map(m),
        })),
        stopReason: t.stopReason,
        lastOutputTail: m(t.lastOutputTail),
        network: network(t.network, m),
    };
}
function provenance(p, m) {
    return {
        base: p.base,
        head: p.head,
        contractCommit: p.contractCommit,
        contractPath: m(p.contractPath),
        contractSha256: p.contractSha256,
        tool: { name: m(p.tool.name), version: m(p.tool.version) },
        runtime: m(p.runtime),
        images: p.images.map(m),
        containersStarted: p.containersStarted,
        startedAt: m(p.startedAt),
        durationMs: p.durationMs,
        phases: p.phases.map((ph) => ({ name: m(ph.name), durationMs: ph.durationMs })),
    };
}
/** A copy of the report with keys in schema order, unknown properties dropped and secrets masked. */
function canonicalReport(report, secrets) {
    const m = (text) => maskSecrets(text, secrets);
    return {
        schemaVersion: report.schemaVersion,
        outcome: report.outcome,
        headline: m(report.headline),
        reasons: report.reasons.map(m),
        goal: m(report.goal),
        findings: report.findings.map((f) => finding(f, m)),
        setup: report.setup.map((s) => step(s, m)),
        verifiers: report.verifiers.map((v) => verifier(v, m)),
        ...(report.tests === undefined ? {} : { tests: tests(report.tests, m) }),
        ...(report.task === undefined ? {} : { task: task(report.task, m) }),
        notProven: report.notProven.map((n) => ({ kind: n.kind, text: m(n.text) })),
        provenance: provenance(report.provenance, m),
        claim: m(report.claim),
    };
}
/** Pretty JSON (two-space indent) with a trailing newline, ready to write to a file. */
function renderJson(report, options = {}) {
    return `${JSON.stringify(canonicalReport(report, options.secrets), null, 2)}\n`;
}

export { canonicalReport as c, renderJson as r };
//# sourceMappingURL=json.js.map

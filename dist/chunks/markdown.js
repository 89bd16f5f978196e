import { a as TOOL_NAME } from './version.js';
import { e as escapeMarkdown, h as boundedList, p as problemsFirst, t as tableCell, j as exitText, c as inlineCode, l as andMore, n as STATUS_ICON, q as needsOutput, u as tailLines, s as sanitizeText, v as tailDescription, w as codeBlock, x as htmlText, y as findingLocation, z as SEVERITY_ICON, A as APPROVED_ICON, k as kindLabel, b as baseNotProven, O as OUTCOME_ICON, B as findingsFor, C as count, E as COUNT_ROWS, F as signed, d as STOP_REASONS, H as roundRows, I as networkLines } from './task-section.js';
import { f as formatDuration } from './zod-schema.js';

function opts(ctx, max = ctx.limits.itemChars) {
    return { secrets: ctx.secrets, max };
}
function text(value, ctx, max) {
    return escapeMarkdown(value, opts(ctx, max));
}
function code(value, ctx, max) {
    return inlineCode(value, opts(ctx, max));
}
function moreLine(more, what) {
    return `${andMore(more, what)}.`;
}
/**
 * A bullet list with an "and N more" line, as one block. Items are rendered only once bounded, so a
 * list of 200,000 tests costs no more than one of 50.
 */
function bulletList(items, limit, what, render) {
    const { shown, more } = boundedList(items, limit);
    const lines = shown.map((item) => `- ${render(item)}`);
    return more > 0 ? `${lines.join("\n")}\n\n${moreLine(more, what)}` : lines.join("\n");
}
function table(header, align, rows) {
    const rule = align.map((a) => (a === "r" ? "---:" : "---"));
    return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
function statusCell(step, ctx) {
    const status = `${STATUS_ICON[step.status]} ${step.status}`;
    return step.reason === undefined ? status : `${status}: ${tableCell(step.reason, opts(ctx, 200))}`;
}
function outputDetails(step, ctx) {
    const tail = ctx.limits.tail;
    if (tail === undefined || !needsOutput(step))
        return undefined;
    const kept = tailLines(sanitizeText(step.outputTail), tail.lines, tail.chars);
    const summary = `${step.name}: ${step.status}, exit ${exitText(step.exitCode)}, ${tailDescription(kept.text.split("\n").length, kept.totalLines, step.outputBytes)}`;
    const body = [`Command: ${code(step.command, ctx, 500)}`];
    if (kept.text !== "")
        body.push(codeBlock(kept.text, "text", { secrets: ctx.secrets, max: tail.chars }));
    return `<details>\n<summary>${htmlText(summary, opts(ctx, 300))}</summary>\n\n${body.join("\n\n")}\n\n</details>`;
}
/** A steps table (verifiers or setup) followed by the output of each step that did not pass. */
function stepsBlocks(steps, what, ctx) {
    const { shown, more } = boundedList(problemsFirst(steps), ctx.limits.listItems);
    const withCommand = ctx.limits.details;
    const header = withCommand
        ? ["Name", "Command", "Status", "Exit", "Time"]
        : ["Name", "Status", "Exit", "Time"];
    const align = withCommand ? ["l", "l", "l", "r", "r"] : ["l", "l", "r", "r"];
    const rows = shown.map((s) => {
        const cells = [tableCell(s.name, { ...opts(ctx, 100), code: true })];
        if (withCommand)
            cells.push(tableCell(s.command, { ...opts(ctx, 120), code: true }));
        cells.push(statusCell(s, ctx), exitText(s.exitCode), formatDuration(Math.round(s.durationMs)));
        return cells;
    });
    const blocks = [table(header, align, rows)];
    if (more > 0)
        blocks.push(moreLine(more, what));
    for (const step of shown) {
        const details = outputDetails(step, ctx);
        if (details !== undefined)
            blocks.push(details);
    }
    return blocks;
}
function findingItem(f, ctx) {
    const where = findingLocation(f);
    const icon = f.approved === undefined ? SEVERITY_ICON[f.severity] : APPROVED_ICON;
    const parts = [`${icon} **${kindLabel(f.kind)}**`];
    if (where !== undefined)
        parts.push(`at ${code(where, ctx)}`);
    if (f.test !== undefined)
        parts.push(`test ${code(f.test, ctx)}`);
    let item = `${parts.join(" ")}: ${text(f.message, ctx)}`;
    if (f.approved !== undefined) {
        const a = f.approved;
        item += ` (approved by ${text(`@${a.by}`, ctx, 100)} via ${a.via} at ${text(a.at, ctx, 40)})`;
    }
    return item;
}
/** Findings as a list, labelled when `label` is given (two lists in a row would merge into one). */
function findingBlocks(findings, ctx, label) {
    if (findings.length === 0)
        return [];
    const list = bulletList(findings, ctx.limits.listItems, "finding", (f) => findingItem(f, ctx));
    return label === undefined ? [list] : [`**${label}**`, list];
}

function headSection(report, title, ctx) {
    const blocks = [
        `## ${OUTCOME_ICON[report.outcome]} ${text(title, ctx, Math.min(100, ctx.limits.itemChars))}: ${report.outcome}`,
        `**${text(report.headline, ctx, ctx.limits.itemChars)}**`,
    ];
    if (report.goal.trim() !== "")
        blocks.push(`**Goal:** ${text(report.goal, ctx, 1000)}`);
    return { id: "head", blocks };
}
function reasonsSection(report, ctx) {
    if (report.reasons.length === 0)
        return { id: "reasons", blocks: [] };
    const list = bulletList(report.reasons, ctx.limits.listItems, "reason", (r) => text(r, ctx));
    return { id: "reasons", blocks: ["### Why", list] };
}
function verifiedSection(report, ctx) {
    const blocks = ["### What was verified"];
    if (report.verifiers.length === 0)
        blocks.push("No verifiers ran.");
    else
        blocks.push(...stepsBlocks(report.verifiers, "verifier", ctx));
    blocks.push(...findingBlocks(findingsFor(report, "runs"), ctx, "Findings"));
    return { id: "verified", blocks };
}
function setupSection(report, ctx) {
    if (!report.setup.some(needsOutput))
        return { id: "setup", blocks: [] };
    const steps = ctx.limits.details ? report.setup : report.setup.filter((s) => s.status !== "pass");
    return { id: "setup", blocks: ["### Setup", ...stepsBlocks(steps, "setup step", ctx)] };
}
function boundarySection(report, ctx) {
    const findings = findingsFor(report, "boundary");
    const blocks = ["### Boundary"];
    if (findings.length === 0) {
        blocks.push("No protected path violated, contract unchanged, no runner tampering or test markers found.");
    }
    else {
        blocks.push(...findingBlocks(findings, ctx));
    }
    return { id: "boundary", blocks };
}
function testList(title, refs, ctx) {
    if (refs.length === 0)
        return undefined;
    const list = bulletList(refs, ctx.limits.listItems, "test", (t) => {
        let item = code(t.id, ctx);
        if (t.file !== undefined && !t.id.includes(t.file))
            item += ` in ${code(t.file, ctx)}`;
        if (t.message !== undefined && t.message.trim() !== "")
            item += `: ${text(t.message, ctx, 200)}`;
        return item;
    });
    return `**${title} (${refs.length.toLocaleString("en-US")})**\n\n${list}`;
}
function testsSection(report, ctx) {
    const tests = report.tests;
    const findings = findingsFor(report, "inventory");
    if (tests === undefined && findings.length === 0)
        return { id: "tests", blocks: [] };
    const blocks = ["### Test inventory"];
    if (tests !== undefined) {
        blocks.push(`Framework: ${code(tests.framework, ctx, 40)}. Base → head, ${count(tests.added, "test")} added.`, table(["Status", "Base", "Head", "Change"], ["l", "r", "r", "r"], COUNT_ROWS.map(([key, label]) => [
            label,
            tests.base[key].toLocaleString("en-US"),
            tests.head[key].toLocaleString("en-US"),
            signed(tests.head[key] - tests.base[key]),
        ])));
        for (const [title, refs] of [
            ["Removed", tests.removed],
            ["Newly skipped", tests.newlySkipped],
            ["Regressed", tests.regressed],
        ]) {
            const list = testList(title, refs, ctx);
            if (list !== undefined)
                blocks.push(list);
        }
    }
    blocks.push(...findingBlocks(findings, ctx, "Findings"));
    if (tests !== undefined && ctx.limits.details && tests.notes.length > 0) {
        blocks.push("**Notes**", bulletList(tests.notes, ctx.limits.listItems, "note", (n) => text(n, ctx)));
    }
    return { id: "tests", blocks };
}
function taskSection(report, ctx) {
    const task = report.task;
    if (task === undefined)
        return { id: "task", blocks: [] };
    const blocks = [
        "### Task",
        `> ${text(task.task, ctx, 2000).replaceAll("\n", "\n> ")}`,
        `Branch ${code(task.branch, ctx, 200)}; stopped because ${STOP_REASONS[task.stopReason]}.`,
    ];
    if (task.rounds.length > 0) {
        blocks.push(table(["Round", "Commit", "Gate", "Executor", "Change"], ["r", "l", "l", "l", "l"], roundRows(task).map((r) => [
            r.round,
            code(r.commit, ctx),
            r.outcome,
            tableCell(r.executor, opts(ctx, 100)),
            tableCell(r.change, opts(ctx, 200)),
        ])));
    }
    const network = networkLines(task);
    if (network.length > 0)
        blocks.push(`**Network (egress proxy)**\n\n${network.map((l) => `- ${text(l, ctx, 2000)}`).join("\n")}`);
    return { id: "task", blocks };
}
function notProvenSection(report, ctx) {
    // The schema requires at least one item; should a caller send none, the base list is shown rather
    // than a report that seems to claim everything was proven.
    const items = report.notProven.length > 0 ? report.notProven : baseNotProven();
    return {
        id: "notProven",
        blocks: ["### What was not proven", bulletList(items, 100, "item", (n) => text(n.text, ctx, 500))],
    };
}
/** The shortest form of the not-proven section, for the tightest size limits. */
function notProvenKindsSection(report, ctx, max) {
    const items = report.notProven.length > 0 ? report.notProven : baseNotProven();
    const { shown, more } = boundedList(items, max);
    const kinds = shown.map((n) => text(kindLabel(n.kind), ctx, 60)).join(", ");
    return {
        id: "notProven",
        blocks: ["### What was not proven", `${kinds}${more > 0 ? ` and ${more} more` : ""}.`],
    };
}
function sha(value, ctx) {
    return value === null ? "*unresolved*" : tableCell(value, { ...opts(ctx, 80), code: true });
}
function provenanceSection(report, ctx) {
    const p = report.provenance;
    const cell = (value, max = 200) => tableCell(value, { ...opts(ctx, max), code: true });
    const contract = [cell(p.contractPath)];
    if (p.contractSha256 !== null)
        contract.push(`sha256 ${cell(p.contractSha256, 80)}`);
    if (p.contractCommit !== null)
        contract.push(`from ${cell(p.contractCommit, 80)}`);
    const images = boundedList(p.images, ctx.limits.listItems);
    const imageText = images.shown.length === 0
        ? "none"
        : images.shown.map((i) => cell(i)).join(", ") + (images.more > 0 ? ` and ${images.more} more` : "");
    const rows = [
        ["Base", sha(p.base, ctx)],
        ["Head", sha(p.head, ctx)],
        ["Contract", contract.join(" ")],
        ["Tool", cell(`${p.tool.name} ${p.tool.version}`, 80)],
        ["Runtime", tableCell(p.runtime, opts(ctx, 60))],
        ["Images", imageText],
        ["Containers started", p.containersStarted.toLocaleString("en-US")],
        ["Started", tableCell(p.startedAt, opts(ctx, 40))],
        ["Duration", formatDuration(Math.round(p.durationMs))],
    ];
    if (ctx.limits.details && p.phases.length > 0) {
        const phases = boundedList(p.phases, ctx.limits.listItems);
        const list = phases.shown.map((ph) => `${tableCell(ph.name, opts(ctx, 40))} ${formatDuration(Math.round(ph.durationMs))}`);
        rows.push(["Phases", list.join(" · ") + (phases.more > 0 ? ` and ${phases.more} more` : "")]);
    }
    return { id: "provenance", blocks: ["### Provenance", table(["", ""], ["l", "l"], rows)] };
}
function claimSection(report, ctx, max = 1000) {
    return { id: "claim", blocks: [`> **Claim:** ${text(report.claim, ctx, max)}`] };
}

/**
 * The report as GitHub markdown (check-run summary, sticky PR comment, job summary), kept under a
 * size limit. GitHub rejects a check-run summary over 65,535 characters and a comment over 65,536,
 * so a report that does not fit is re-rendered with less detail, in this order: shorter and shorter output tails,
 * no output tails, shorter lists, no secondary details, then whole sections reduced to their heading.
 * Only whole blocks are ever removed, so the result is still balanced markdown; a visible note says
 * that the report was truncated and where the full one is.
 *
 * The result has no trailing newline (callers writing a file add one).
 *
 * Size is counted in UTF-8 bytes, which is never less than the character count GitHub checks (and
 * is what the stored field holds), so the limit is safe whichever of the two GitHub means.
 */
const DEFAULT_MAX_CHARS = 65_000;
/** Below this even the shortest form (heading, headline, note, not-proven kinds, claim) may not fit. */
const MIN_MAX_CHARS = 1_000;
const TIGHTEST = { tail: undefined, listItems: 3, details: false, itemChars: 200 };
/** From most to least detail; the first that fits wins. */
const LEVELS = [
    { tail: { lines: 60, chars: 6_000 }, listItems: 50, details: true, itemChars: 500 },
    { tail: { lines: 15, chars: 1_500 }, listItems: 50, details: true, itemChars: 500 },
    { tail: { lines: 5, chars: 500 }, listItems: 50, details: true, itemChars: 500 },
    { tail: undefined, listItems: 50, details: true, itemChars: 500 },
    { tail: undefined, listItems: 10, details: true, itemChars: 300 },
    TIGHTEST,
];
/** Sections reduced to their heading when the tightest level is still too long, first to last. */
const DROP_ORDER = [
    "provenance",
    "task",
    "tests",
    "setup",
    "reasons",
    "verified",
    "boundary",
];
function size(markdown) {
    return Buffer.byteLength(markdown, "utf8");
}
function allSections(report, title, ctx) {
    return [
        headSection(report, title, ctx),
        reasonsSection(report, ctx),
        verifiedSection(report, ctx),
        setupSection(report, ctx),
        boundarySection(report, ctx),
        testsSection(report, ctx),
        taskSection(report, ctx),
        notProvenSection(report, ctx),
        provenanceSection(report, ctx),
        claimSection(report, ctx),
    ];
}
/** Joins sections, with the truncation note (when given) right under the heading and headline. */
function assemble(sections, note) {
    const blocks = [];
    for (const section of sections) {
        blocks.push(...section.blocks);
        if (section.id === "head" && note !== undefined)
            blocks.push(note);
    }
    return blocks.join("\n\n");
}
/** An http(s) URL safe to put in a link, or undefined. */
function safeUrl(url) {
    if (url === undefined)
        return undefined;
    try {
        const parsed = new URL(url);
        if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
            return undefined;
        // `href` percent-encodes spaces and angle brackets; parentheses would end a markdown link early.
        const href = parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
        return href.length <= 2_000 ? href : undefined;
    }
    catch {
        return undefined;
    }
}
function truncationNote(fullReportUrl) {
    const url = safeUrl(fullReportUrl);
    const where = url === undefined ? "the workflow run's JSON report and job log" : `[${url}](${url})`;
    return `⚠️ **Report truncated** to fit the size limit: the full report is in ${where}.`;
}
function omitted(section) {
    const heading = section.blocks[0];
    if (heading === undefined)
        return section;
    return { id: section.id, blocks: [heading, "*Omitted to fit the size limit.*"] };
}
/** The shortest form: heading, headline, note, not-proven kinds and the claim. */
function minimal(report, title, note, ctx, itemChars) {
    const tight = { ...ctx, limits: { ...ctx.limits, itemChars } };
    return assemble([
        headSection({ ...report, goal: "" }, title, tight),
        notProvenKindsSection(report, tight, 3),
        claimSection(report, tight, itemChars),
    ], note);
}
function renderMarkdown(report, options = {}) {
    const max = options.maxChars ?? DEFAULT_MAX_CHARS;
    if (!Number.isInteger(max) || max < MIN_MAX_CHARS) {
        throw new RangeError(`maxChars must be a whole number of at least ${MIN_MAX_CHARS}, got ${max}`);
    }
    const title = options.title ?? TOOL_NAME;
    const note = truncationNote(options.fullReportUrl);
    for (const [index, limits] of LEVELS.entries()) {
        const markdown = assemble(allSections(report, title, { limits, secrets: options.secrets }), index === 0 ? undefined : note);
        if (size(markdown) <= max)
            return markdown;
    }
    const ctx = { limits: TIGHTEST, secrets: options.secrets };
    let sections = allSections(report, title, ctx);
    for (const id of DROP_ORDER) {
        sections = sections.map((s) => (s.id === id ? omitted(s) : s));
        const markdown = assemble(sections, note);
        if (size(markdown) <= max)
            return markdown;
    }
    sections = sections.map((s) => (s.id === "notProven" ? notProvenKindsSection(report, ctx, 100) : s));
    const shortened = assemble(sections, note);
    if (size(shortened) <= max)
        return shortened;
    for (const itemChars of [200, 80, 30, 10]) {
        const markdown = minimal(report, title, note, ctx, itemChars);
        if (size(markdown) <= max)
            return markdown;
    }
    // Only an extreme fullReportUrl can get here: drop the link, keep the note.
    return minimal(report, title, truncationNote(undefined), ctx, 10);
}

export { MIN_MAX_CHARS as M, renderMarkdown as r };
//# sourceMappingURL=markdown.js.map

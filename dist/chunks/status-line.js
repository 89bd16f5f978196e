import { a as TOOL_NAME } from './version.js';
import { a as bounded, h as boundedList, B as findingsFor, q as needsOutput, C as count, E as COUNT_ROWS, F as signed, d as STOP_REASONS, H as roundRows, I as networkLines, b as baseNotProven, o as oneLine, P as cleanText, l as andMore, p as problemsFirst, j as exitText, u as tailLines, m as maskSecrets, s as sanitizeText, v as tailDescription, y as findingLocation, k as kindLabel } from './task-section.js';
import { f as formatDuration } from './zod-schema.js';
import { S as StreamLogger } from './index.js';

/**
 * Terminal layout for the text report: word wrapping with a hanging indent, aligned tables, and ANSI
 * styles applied only when colour was asked for. Widths count code points, which is right for the
 * ASCII and most Latin text these reports hold; wide (CJK) characters may misalign a column.
 */
const ANSI_CODES = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    cyan: [36, 39],
};
function painter(color) {
    if (!color)
        return (_style, text) => text;
    return (style, text) => {
        const [open, close] = ANSI_CODES[style];
        return `\u001b[${open}m${text}\u001b[${close}m`;
    };
}
/** Columns a string takes: code points, not counting our own SGR colour sequences. */
function displayWidth(text) {
    let width = 0;
    // eslint-disable-next-line no-control-regex -- removing the colour codes `painter` adds
    for (const _ of text.replace(/\u001b\[\d+m/g, ""))
        width += 1;
    return width;
}
function breakWord(word, width) {
    const chars = Array.from(word);
    const pieces = [];
    for (let i = 0; i < chars.length; i += width)
        pieces.push(chars.slice(i, i + width).join(""));
    return pieces;
}
/**
 * Wraps one paragraph to `width` columns. The first line starts with `first` (such as "  - "), the
 * others with `rest` (spaces of the same width, by default). Words longer than a line are broken.
 */
function wrap(text, width, first, rest = " ".repeat(displayWidth(first))) {
    const roomFirst = Math.max(10, width - displayWidth(first));
    const roomRest = Math.max(10, width - displayWidth(rest));
    const lines = [];
    let line = "";
    const room = () => (lines.length === 0 ? roomFirst : roomRest);
    for (const word of text.split(/\s+/).filter((w) => w !== "")) {
        for (const piece of displayWidth(word) > roomRest ? breakWord(word, roomRest) : [word]) {
            if (line === "")
                line = piece;
            else if (displayWidth(line) + 1 + displayWidth(piece) <= room())
                line += ` ${piece}`;
            else {
                lines.push(line);
                line = piece;
            }
        }
    }
    lines.push(line);
    return lines.map((l, i) => `${i === 0 ? first : rest}${l}`.trimEnd()).join("\n");
}
const MIN_SHRUNK = 8;
/**
 * Rows (the first is the header) as aligned lines, two spaces between columns, indented. Cells must
 * be single-line plain text; styling is applied by `style` after padding so it does not skew widths.
 */
function alignTable(rows, columns, width, indent = "  ", style) {
    const widths = columns.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ""))));
    const total = displayWidth(indent) + widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
    // Take the excess from the widest shrinkable column, one column at a time, down to a floor.
    for (let excess = total - width; excess > 0; excess -= 1) {
        let widest = -1;
        columns.forEach((c, i) => {
            if (c.shrink === true &&
                (widths[i] ?? 0) > MIN_SHRUNK &&
                (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))) {
                widest = i;
            }
        });
        if (widest < 0)
            break;
        widths[widest] = (widths[widest] ?? 0) - 1;
    }
    return rows
        .map((row, r) => columns
        .map((column, c) => {
        const w = widths[c] ?? 0;
        const cell = bounded(row[c] ?? "", w);
        const pad = " ".repeat(Math.max(0, w - displayWidth(cell)));
        const padded = column.align === "right" ? pad + cell : cell + pad;
        return style === undefined ? padded : style(r, c, padded);
    })
        .join("  "))
        .map((line) => `${indent}${line}`.trimEnd())
        .join("\n");
}

/**
 * The report for terminals: the same sections as the markdown, as plain aligned text. Untrusted text
 * is sanitized (no escape sequences reach the terminal, so a test name cannot recolour or rewrite the
 * screen), masked and bounded; ANSI styling is added only when `color` is set. No trailing newline.
 */
const OUTCOME_STYLE = { pass: "green", fail: "red", error: "yellow" };
const STATUS_STYLE = {
    pass: "green",
    fail: "red",
    error: "yellow",
    timeout: "yellow",
    skipped: "dim",
};
const SEVERITY_TAG = { fail: ["FAIL", "red"], warn: ["WARN", "yellow"], info: ["INFO", "cyan"] };
function plain(value, ctx, max = 500) {
    return oneLine(cleanText(value, { secrets: ctx.secrets, max }))
        .replace(/ {2,}/g, " ")
        .trim();
}
function heading(title, ctx) {
    return ctx.paint("bold", title);
}
function more(n, what, indent) {
    return n > 0 ? [`${indent}${andMore(n, what)}`] : [];
}
function headBlock(report, title, ctx) {
    const outcome = ctx.paint(OUTCOME_STYLE[report.outcome], report.outcome.toUpperCase());
    const lines = [ctx.paint("bold", `${plain(title, ctx, 100)}: `) + ctx.paint("bold", outcome)];
    lines.push(wrap(plain(report.headline, ctx), ctx.width, ""));
    if (report.goal.trim() !== "")
        lines.push(wrap(plain(report.goal, ctx, 1000), ctx.width, "Goal: ", "  "));
    if (report.reasons.length > 0) {
        const { shown, more: rest } = boundedList(report.reasons, ctx.listItems);
        lines.push("", heading("Why", ctx), ...shown.map((r) => wrap(plain(r, ctx), ctx.width, "  - ")));
        lines.push(...more(rest, "reason", "  "));
    }
    return lines;
}
function outputBlock(step, ctx) {
    const tail = tailLines(maskSecrets(sanitizeText(step.outputTail), ctx.secrets), ctx.tailLines, 8_000, 300);
    const shown = tail.text === "" ? 0 : tail.text.split("\n").length;
    const title = `${plain(step.name, ctx, 100)}: ${step.status}, exit ${exitText(step.exitCode)} (${tailDescription(shown, tail.totalLines, step.outputBytes)})`;
    const lines = [
        "",
        `  ${ctx.paint(STATUS_STYLE[step.status], title)}`,
        `    $ ${plain(step.command, ctx, 300)}`,
    ];
    if (tail.text !== "")
        lines.push(...tail.text.split("\n").map((l) => `    ${ctx.paint("dim", "│")} ${l}`.trimEnd()));
    return lines;
}
function stepsBlock(unordered, ctx) {
    const steps = problemsFirst(unordered);
    const rows = [
        ["NAME", "COMMAND", "STATUS", "EXIT", "TIME"],
        ...steps.map((s) => [
            plain(s.name, ctx, 60),
            plain(s.command, ctx, 200),
            s.reason === undefined ? s.status : `${s.status}: ${plain(s.reason, ctx, 120)}`,
            exitText(s.exitCode),
            formatDuration(Math.round(s.durationMs)),
        ]),
    ];
    const table = alignTable(rows, [
        { align: "left", shrink: true },
        { align: "left", shrink: true },
        { align: "left", shrink: true },
        { align: "right" },
        { align: "right" },
    ], ctx.width, "  ", (r, c, padded) => {
        if (r === 0)
            return ctx.paint("dim", padded);
        const step = steps[r - 1];
        return c === 2 && step !== undefined ? ctx.paint(STATUS_STYLE[step.status], padded) : padded;
    });
    return [table, ...steps.filter(needsOutput).flatMap((s) => outputBlock(s, ctx))];
}
function findingLine(f, ctx) {
    const [tag, style] = SEVERITY_TAG[f.severity];
    const where = findingLocation(f);
    let body = kindLabel(f.kind);
    if (where !== undefined)
        body += ` at ${plain(where, ctx, 300)}`;
    if (f.test !== undefined)
        body += ` test ${plain(f.test, ctx, 300)}`;
    body += `: ${plain(f.message, ctx)}`;
    if (f.approved !== undefined) {
        const a = f.approved;
        body += ` [approved by @${plain(a.by, ctx, 100)} (${a.via}, ${plain(a.at, ctx, 40)})]`;
    }
    const marker = f.approved === undefined ? tag : "OK  ";
    return wrap(body, ctx.width, `  ${marker} `).replace(marker, ctx.paint(f.approved === undefined ? style : "green", marker));
}
function findingLines(findings, ctx) {
    const { shown, more: rest } = boundedList(findings, ctx.listItems);
    return [...shown.map((f) => findingLine(f, ctx)), ...more(rest, "finding", "  ")];
}
function verifiedBlock(report, ctx) {
    const lines = ["", heading("What was verified", ctx)];
    if (report.verifiers.length === 0)
        lines.push("  No verifiers ran.");
    else
        lines.push(...stepsBlock(report.verifiers, ctx));
    const runs = findingsFor(report, "runs");
    if (runs.length > 0)
        lines.push("", ...findingLines(runs, ctx));
    if (report.setup.some(needsOutput))
        lines.push("", heading("Setup", ctx), ...stepsBlock(report.setup, ctx));
    return lines;
}
function boundaryBlock(report, ctx) {
    const findings = findingsFor(report, "boundary");
    const body = findings.length === 0
        ? ["  No protected path violated, contract unchanged, no runner tampering or test markers found."]
        : findingLines(findings, ctx);
    return ["", heading("Boundary", ctx), ...body];
}
function testList(title, refs, ctx) {
    if (refs.length === 0)
        return [];
    const { shown, more: rest } = boundedList(refs, ctx.listItems);
    const items = shown.map((t) => {
        let item = plain(t.id, ctx, 300);
        if (t.file !== undefined && !t.id.includes(t.file))
            item += ` (${plain(t.file, ctx, 200)})`;
        if (t.message !== undefined && t.message.trim() !== "")
            item += `: ${plain(t.message, ctx, 200)}`;
        return wrap(item, ctx.width, "    - ");
    });
    return [`  ${title} (${refs.length.toLocaleString("en-US")})`, ...items, ...more(rest, "test", "    ")];
}
function testsBlock(report, ctx) {
    const tests = report.tests;
    const findings = findingsFor(report, "inventory");
    if (tests === undefined && findings.length === 0)
        return [];
    const lines = ["", heading("Test inventory", ctx)];
    if (tests !== undefined) {
        lines.push(`  Framework ${plain(tests.framework, ctx, 40)}, base → head, ${count(tests.added, "test")} added.`);
        const rows = [
            ["STATUS", "BASE", "HEAD", "CHANGE"],
            ...COUNT_ROWS.map(([key, label]) => [
                label,
                tests.base[key].toLocaleString("en-US"),
                tests.head[key].toLocaleString("en-US"),
                signed(tests.head[key] - tests.base[key]),
            ]),
        ];
        const columns = [{ align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }];
        lines.push(alignTable(rows, columns, ctx.width, "  ", (r, _c, p) => (r === 0 ? ctx.paint("dim", p) : p)));
        lines.push(...testList("Removed", tests.removed, ctx));
        lines.push(...testList("Newly skipped", tests.newlySkipped, ctx));
        lines.push(...testList("Regressed", tests.regressed, ctx));
    }
    lines.push(...findingLines(findings, ctx));
    if (tests !== undefined)
        lines.push(...tests.notes.map((n) => wrap(plain(n, ctx), ctx.width, "  Note: ", "    ")));
    return lines;
}
function taskBlock(report, ctx) {
    const task = report.task;
    if (task === undefined)
        return [];
    const lines = [
        "",
        heading("Task", ctx),
        wrap(plain(task.task, ctx, 2000), ctx.width, "  "),
        `  Branch ${plain(task.branch, ctx, 200)}; stopped because ${STOP_REASONS[task.stopReason]}.`,
    ];
    const rows = [
        ["ROUND", "COMMIT", "GATE", "EXECUTOR", "CHANGE"],
        ...roundRows(task).map((r) => [r.round, r.commit, r.outcome, r.executor, r.change]),
    ];
    if (task.rounds.length > 0) {
        const columns = [
            { align: "right" },
            { align: "left" },
            { align: "left" },
            { align: "left" },
            { align: "left" },
        ];
        lines.push(alignTable(rows, columns, ctx.width, "  ", (r, _c, p) => (r === 0 ? ctx.paint("dim", p) : p)));
    }
    lines.push(...networkLines(task).map((l) => wrap(plain(l, ctx, 2000), ctx.width, "  Network ")));
    return lines;
}
function notProvenBlock(report, ctx) {
    const items = report.notProven.length > 0 ? report.notProven : baseNotProven();
    return [
        "",
        heading("What was not proven", ctx),
        ...items.map((n) => wrap(plain(n.text, ctx), ctx.width, "  - ")),
    ];
}
function provenanceBlock(report, ctx) {
    const p = report.provenance;
    const contract = [plain(p.contractPath, ctx, 200)];
    if (p.contractSha256 !== null)
        contract.push(`sha256 ${plain(p.contractSha256, ctx, 80)}`);
    if (p.contractCommit !== null)
        contract.push(`from ${plain(p.contractCommit, ctx, 80)}`);
    const images = boundedList(p.images, ctx.listItems);
    const rows = [
        ["Base", p.base === null ? "unresolved" : plain(p.base, ctx, 80)],
        ["Head", p.head === null ? "unresolved" : plain(p.head, ctx, 80)],
        ["Contract", contract.join("  ")],
        ["Tool", `${plain(p.tool.name, ctx, 40)} ${plain(p.tool.version, ctx, 40)}`],
        ["Runtime", plain(p.runtime, ctx, 60)],
        [
            "Images",
            images.shown.length === 0
                ? "none"
                : images.shown.map((i) => plain(i, ctx, 200)).join(", ") +
                    (images.more > 0 ? ` and ${images.more} more` : ""),
        ],
        ["Containers", p.containersStarted.toLocaleString("en-US")],
        ["Started", plain(p.startedAt, ctx, 40)],
        ["Duration", formatDuration(Math.round(p.durationMs))],
    ];
    if (p.phases.length > 0) {
        rows.push([
            "Phases",
            p.phases
                .map((ph) => `${plain(ph.name, ctx, 40)} ${formatDuration(Math.round(ph.durationMs))}`)
                .join(", "),
        ]);
    }
    const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
    const body = rows.map(([label, value]) => wrap(value, ctx.width, `  ${label.padEnd(labelWidth)}`));
    return ["", heading("Provenance", ctx), ...body];
}
function renderText(report, options = {}) {
    const ctx = {
        width: Math.max(40, options.width ?? 100),
        paint: painter(options.color === true),
        secrets: options.secrets,
        listItems: options.listItems ?? 50,
        tailLines: options.tailLines ?? 40,
    };
    const lines = [
        ...headBlock(report, TOOL_NAME, ctx),
        ...verifiedBlock(report, ctx),
        ...boundaryBlock(report, ctx),
        ...testsBlock(report, ctx),
        ...taskBlock(report, ctx),
        ...notProvenBlock(report, ctx),
        ...provenanceBlock(report, ctx),
        "",
        wrap(plain(report.claim, ctx, 1000), ctx.width, `${ctx.paint("bold", "Claim:")} `, "  "),
    ];
    return lines.join("\n");
}

/**
 * The CLI's view of what is running: on a terminal, one line redrawn in place ("⠹ head tests 12s ·
 * base tests 9s"); elsewhere (CI logs, pipes) a plain line when a phase starts and when it ends.
 * Log lines go through `print`, which clears and redraws the status line around them.
 */
const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
class StatusLine {
    #stream;
    #active = new Map();
    #timer;
    #frame = 0;
    #drawn = false;
    constructor(stream) {
        this.#stream = stream;
    }
    start(id, label) {
        this.#active.set(id, { label, started: performance.now() });
        if (!this.#stream.isTTY) {
            this.#stream.write(`… ${label}\n`);
            return;
        }
        this.#timer ??= setInterval(() => this.#draw(), 120).unref();
        this.#draw();
    }
    end(id, outcome) {
        const phase = this.#active.get(id);
        this.#active.delete(id);
        if (phase === undefined)
            return;
        const took = formatDuration(Math.round(performance.now() - phase.started));
        if (!this.#stream.isTTY) {
            this.#stream.write(`${outcome === "ok" ? "✓" : "✗"} ${phase.label} (${took})\n`);
            return;
        }
        if (this.#active.size === 0)
            this.#stop();
        else
            this.#draw();
    }
    /** Writes a log line without tearing the status line. */
    print(line) {
        this.#clear();
        this.#stream.write(`${line}\n`);
        if (this.#active.size > 0 && this.#stream.isTTY)
            this.#draw();
    }
    [Symbol.dispose]() {
        this.#stop();
    }
    #draw() {
        const now = performance.now();
        const parts = [...this.#active.values()].map((p) => `${p.label} ${formatDuration(Math.round(now - p.started))}`);
        this.#frame = (this.#frame + 1) % FRAMES.length;
        const width = Math.max(20, (this.#stream.columns ?? 100) - 1);
        let line = `${FRAMES[this.#frame] ?? ""} ${parts.join(" · ")}`;
        if (line.length > width)
            line = `${line.slice(0, width - 1)}…`;
        this.#stream.write(`\r\x1b[2K${line}`);
        this.#drawn = true;
    }
    #clear() {
        if (!this.#drawn)
            return;
        this.#stream.write("\r\x1b[2K");
        this.#drawn = false;
    }
    #stop() {
        if (this.#timer)
            clearInterval(this.#timer);
        this.#timer = undefined;
        this.#clear();
    }
}
/** The status line every long-running command shows on stderr, and a logger that prints above it. */
function stderrStatus(io, verbose) {
    const status = new StatusLine({
        write: (text) => io.stderr(text),
        isTTY: io.stderrIsTTY,
        columns: process.stderr.columns,
    });
    return { status, logger: new StreamLogger({ verbose, write: (line) => status.print(line) }) };
}

export { renderText as r, stderrStatus as s };
//# sourceMappingURL=status-line.js.map

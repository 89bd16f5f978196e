#!/usr/bin/env node
import { d as describeError, C as ConfigurationError } from './chunks/errors.js';
import { T as TOOL_VERSION } from './chunks/version.js';
import { E as EXIT } from './chunks/exit-codes.js';
import { M as MAIN_HELP } from './chunks/help.js';

function processIo() {
    return {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        cwd: process.cwd(),
        env: process.env,
        isTTY: process.stdout.isTTY,
        stderrIsTTY: process.stderr.isTTY,
    };
}

/**
 * `loophole <command>`: dispatch, help and the mapping of errors to exit codes (0 pass, 1 fail,
 * 2 error). Usage and configuration mistakes are reported as such, never with a stack trace.
 */
// Loaded on demand: `loophole --version` and `--help` must not pay for the gate, ajv and Octokit.
const COMMANDS = {
    check: async () => (await import('./chunks/check.js')).checkCommand,
    validate: async () => (await import('./chunks/validate.js')).validateCommand,
    init: async () => (await import('./chunks/init.js')).initCommand,
    run: async () => (await import('./chunks/run.js')).runCommand,
    demo: async () => (await import('./chunks/demo.js')).demoCommand,
};
async function main(argv, io = processIo()) {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
        io.stdout(MAIN_HELP);
        return name === undefined ? EXIT.error : EXIT.pass;
    }
    if (name === "--version" || name === "-V" || name === "version") {
        io.stdout(`${TOOL_VERSION}\n`);
        return EXIT.pass;
    }
    const load = COMMANDS[name];
    if (load === undefined) {
        io.stderr(`loophole: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}. See \`loophole --help\`.\n`);
        return EXIT.error;
    }
    try {
        const command = await load();
        return await command(rest, io);
    }
    catch (error) {
        const prefix = error instanceof ConfigurationError ? "" : "internal error: ";
        io.stderr(`loophole ${name}: ${prefix}${describeError(error)}\n`);
        if (!(error instanceof ConfigurationError) && error instanceof Error && process.env.LOOPHOLE_DEBUG) {
            io.stderr(`${error.stack ?? ""}\n`);
        }
        return EXIT.error;
    }
}

// CLI entry (`loophole`). Kept thin: argument parsing and commands live in cli/.
process.exitCode = await main(process.argv.slice(2));
//# sourceMappingURL=cli.js.map

import { stat, readFile } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { p as parseContract } from './parse.js';
import { C as ConfigurationError, g as getErrorMessage, d as describeError } from './errors.js';
import { D as DEFAULT_CONTRACT_PATH, f as formatDuration } from './zod-schema.js';
import { p as parseCommandArgs } from './args.js';
import { V as VALIDATE_HELP } from './help.js';
import 'node:crypto';
import './_commonjsHelpers.js';
import 'node:util';

async function validateCommand(argv, io) {
    const { values, positionals } = parseCommandArgs("validate", argv, { help: { type: "boolean", short: "h" } }, true);
    if (values.help === true) {
        io.stdout(VALIDATE_HELP);
        return 0;
    }
    if (positionals.length > 1)
        throw new ConfigurationError("loophole validate takes one path at most");
    const given = resolve(io.cwd, positionals[0] ?? DEFAULT_CONTRACT_PATH);
    // A directory means the contract at its top.
    const path = (await stat(given).catch(() => undefined))?.isDirectory()
        ? join(given, DEFAULT_CONTRACT_PATH)
        : given;
    let text;
    try {
        text = await readFile(path, "utf8");
    }
    catch (error) {
        io.stderr(`loophole validate: cannot read ${path}: ${getErrorMessage(error)}\nCreate a contract with \`loophole init\`, or pass its path.\n`);
        return 2;
    }
    try {
        const contract = parseContract(text, path);
        const verifiers = contract.verifiers.map((v) => v.name).join(", ") || "none";
        io.stdout([
            `${path}: valid`,
            `  goal: ${contract.goal}`,
            `  sandbox: ${contract.sandbox.runtime}${contract.sandbox.image ? ` ${contract.sandbox.image}` : ""}, network ${contract.sandbox.network.length === 0 ? "none" : contract.sandbox.network.join(", ")}, timeout ${formatDuration(contract.sandbox.timeoutMs)}`,
            `  verifiers: ${verifiers}`,
            `  tests: ${contract.tests ? `${contract.tests.framework}: ${contract.tests.run}` : "none (no per-test inventory)"}`,
            `  protected: ${contract.protected.frozen.length} frozen, ${contract.protected.appendOnly.length} append-only pattern(s)`,
            "",
        ].join("\n"));
        return 0;
    }
    catch (error) {
        if (!(error instanceof ConfigurationError))
            throw error;
        io.stderr(`${describeError(error)}\n`);
        return 1;
    }
}

export { validateCommand };
//# sourceMappingURL=validate.js.map

import { parseArgs } from 'node:util';
import { g as getErrorMessage, C as ConfigurationError } from './errors.js';

/** Strict option parsing on top of node:util: unknown options are usage errors, not ignored. */
class UsageError extends ConfigurationError {
}
function parseCommandArgs(command, argv, options, allowPositionals = false) {
    try {
        const parsed = parseArgs({ args: argv, options, allowPositionals, strict: true });
        return { values: parsed.values, positionals: parsed.positionals };
    }
    catch (error) {
        throw new UsageError(`loophole ${command}: ${getErrorMessage(error)}`, [
            `Run \`loophole ${command} --help\` for usage.`,
        ]);
    }
}
function stringOption(values, name) {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
}
function oneOf(name, value, allowed) {
    if (value === undefined)
        return undefined;
    if (allowed.includes(value))
        return value;
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")}; got "${value}"`);
}

export { oneOf as o, parseCommandArgs as p, stringOption as s };
//# sourceMappingURL=args.js.map

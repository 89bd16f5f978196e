/**
 * Three kinds of "not pass" are kept apart:
 * - a gate verdict of `fail` is data (findings), never an exception;
 * - `ConfigurationError` is a user mistake (bad contract, input or argument) and says how to fix it;
 * - `GateError` means the gate could not decide (no container runtime, missing image, unreadable
 *   report). Both end in outcome `error`; anything else thrown is an internal failure and also ends in
 *   `error`, never `pass`.
 */
class ConfigurationError extends Error {
    name = "ConfigurationError";
    /** Extra lines (for example, every schema error) shown under the message. */
    details;
    constructor(message, details = []) {
        super(message);
        this.details = details;
    }
}
class GateError extends Error {
    name = "GateError";
}
function getErrorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === "string")
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
/** The message plus any details, as shown to a user. */
function describeError(error) {
    const message = getErrorMessage(error);
    if (error instanceof ConfigurationError && error.details.length > 0) {
        return [message, ...error.details.map((d) => `  - ${d}`)].join("\n");
    }
    return message;
}

export { ConfigurationError as C, GateError as G, describeError as d, getErrorMessage as g };
//# sourceMappingURL=errors.js.map

import { createHash } from 'node:crypto';
import { C as ConfigurationError } from './errors.js';
import { p as parseDuration, c as parseSize, d as DURATION_FORMAT, S as SIZE_FORMAT, e as contractJsonSchema, g as DURATION_FORMS, h as SIZE_FORMS, i as contractSchemaErrors, C as CONTRACT_SCHEMA_URL, j as contractDocumentSchema } from './zod-schema.js';

/**
 * A strict JSON parser (RFC 8259) that remembers where every value and key starts, so contract
 * errors can name a line and column, and that reports syntax errors in words a person can act on
 * ("trailing comma", "comments are not allowed") rather than `Unexpected token`. Values come out
 * exactly as `JSON.parse` would build them (strings and numbers are decoded by `JSON.parse` itself);
 * duplicate keys are recorded instead of silently keeping the last one, because in a contract an
 * ignored duplicate would be a rule nobody enforces.
 */
class JsonSyntaxError extends Error {
    offset;
    pointer;
    name = "JsonSyntaxError";
    constructor(message, offset, 
    /** JSON pointer of the innermost object or list the error is in ("" at the top level). */
    pointer = "") {
        super(message);
        this.offset = offset;
        this.pointer = pointer;
    }
}
/** Deep enough for any contract, shallow enough that hostile input cannot overflow the stack. */
const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
function escapePointerSegment(segment) {
    return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
function parseJsonWithLocations(text) {
    return new Parser(text).parseDocument();
}
class Parser {
    #text;
    #at = 0;
    #locations = new Map();
    #duplicates = [];
    /** Objects and lists being parsed, innermost last; an error leaves it as it was when thrown. */
    #open = [];
    constructor(text) {
        this.#text = text;
    }
    parseDocument() {
        try {
            return this.#parseDocument();
        }
        catch (error) {
            if (!(error instanceof JsonSyntaxError))
                throw error;
            throw new JsonSyntaxError(error.message, error.offset, this.#open.at(-1) ?? "");
        }
    }
    #parseDocument() {
        this.#skipWhitespace();
        if (this.#at >= this.#text.length)
            throw new JsonSyntaxError("the file is empty", this.#at);
        const value = this.#parseValue("", undefined, 0);
        this.#skipWhitespace();
        if (this.#at < this.#text.length) {
            throw this.#error("unexpected text after the end of the JSON document");
        }
        return { value, locations: this.#locations, duplicateKeys: this.#duplicates };
    }
    #parseValue(pointer, keyOffset, depth) {
        if (depth > MAX_DEPTH)
            throw this.#fail(`nested more than ${MAX_DEPTH} levels deep`);
        this.#locations.set(pointer, { value: this.#at, key: keyOffset });
        const char = this.#text[this.#at];
        if (char === "{")
            return this.#parseObject(pointer, depth);
        if (char === "[")
            return this.#parseArray(pointer, depth);
        if (char === '"')
            return this.#parseString();
        if (char === "-" || (char !== undefined && char >= "0" && char <= "9"))
            return this.#parseNumber();
        for (const [word, value] of [
            ["true", true],
            ["false", false],
            ["null", null],
        ]) {
            if (this.#text.startsWith(word, this.#at)) {
                this.#at += word.length;
                return value;
            }
        }
        if (char === "'")
            throw this.#fail("strings must be in double quotes, not single quotes");
        throw this.#error("expected a value (a string in double quotes, a number, true, false, null, an object or a list)");
    }
    #parseObject(pointer, depth) {
        const result = {};
        const firstSeen = new Map();
        this.#at++; // {
        this.#open.push(pointer);
        this.#skipWhitespace();
        if (this.#text[this.#at] === "}") {
            this.#at++;
            this.#open.pop();
            return result;
        }
        for (;;) {
            this.#skipWhitespace();
            const keyOffset = this.#at;
            const next = this.#text[this.#at];
            if (next !== '"') {
                if (next === "}")
                    throw this.#fail('trailing comma before "}": JSON does not allow one');
                if (next === "'")
                    throw this.#fail("keys must be in double quotes, not single quotes");
                throw this.#error("expected a key in double quotes");
            }
            const key = this.#parseString();
            const memberPointer = `${pointer}/${escapePointerSegment(key)}`;
            const earlier = firstSeen.get(key);
            if (earlier === undefined)
                firstSeen.set(key, keyOffset);
            else
                this.#duplicates.push({ pointer: memberPointer, offset: keyOffset, firstOffset: earlier });
            this.#skipWhitespace();
            if (this.#text[this.#at] !== ":")
                throw this.#error(`expected ":" after the key ${JSON.stringify(key)}`);
            this.#at++;
            this.#skipWhitespace();
            const value = this.#parseValue(memberPointer, keyOffset, depth + 1);
            // defineProperty, not assignment: a "__proto__" key must become data, never a prototype.
            Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
            this.#skipWhitespace();
            const separator = this.#text[this.#at];
            if (separator === "}") {
                this.#at++;
                this.#open.pop();
                return result;
            }
            if (separator !== ",") {
                const hint = separator === '"' ? " (is a comma missing?)" : "";
                throw this.#error(`expected "," or "}" after the value of ${JSON.stringify(key)}`, hint);
            }
            this.#at++;
        }
    }
    #parseArray(pointer, depth) {
        const result = [];
        this.#at++; // [
        this.#open.push(pointer);
        this.#skipWhitespace();
        if (this.#text[this.#at] === "]") {
            this.#at++;
            this.#open.pop();
            return result;
        }
        for (;;) {
            this.#skipWhitespace();
            if (this.#text[this.#at] === "]")
                throw this.#fail('trailing comma before "]": JSON does not allow one');
            result.push(this.#parseValue(`${pointer}/${result.length}`, undefined, depth + 1));
            this.#skipWhitespace();
            const separator = this.#text[this.#at];
            if (separator === "]") {
                this.#at++;
                this.#open.pop();
                return result;
            }
            if (separator !== ",") {
                const hint = separator === '"' || separator === "{" ? " (is a comma missing?)" : "";
                throw this.#error(`expected "," or "]" after a list item`, hint);
            }
            this.#at++;
        }
    }
    #parseString() {
        const start = this.#at;
        let at = start + 1;
        for (;;) {
            const char = this.#text[at];
            if (char === undefined)
                throw new JsonSyntaxError("this string is never closed", start);
            if (char === '"')
                break;
            if (char === "\\") {
                const escaped = this.#text[at + 1];
                if (escaped === "u") {
                    if (!/^[0-9a-fA-F]{4}$/.test(this.#text.slice(at + 2, at + 6))) {
                        throw new JsonSyntaxError('"\\u" must be followed by four hexadecimal digits', at);
                    }
                    at += 6;
                    continue;
                }
                if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
                    throw new JsonSyntaxError(`invalid escape "\\${escaped ?? ""}" (write "\\\\" for a backslash)`, at);
                }
                at += 2;
                continue;
            }
            if (char < " ") {
                const what = char === "\n" || char === "\r" ? "a line break" : "a control character";
                throw new JsonSyntaxError(`${what} inside a string (strings end on the same line; write "\\n" for a line break)`, at);
            }
            at++;
        }
        this.#at = at + 1;
        // The slice is a valid JSON string literal now, so JSON.parse decodes it exactly as it would.
        return JSON.parse(this.#text.slice(start, this.#at));
    }
    #parseNumber() {
        NUMBER.lastIndex = this.#at;
        const match = NUMBER.exec(this.#text);
        if (!match)
            throw this.#error("expected a number");
        const next = this.#text[this.#at + match[0].length];
        if (match[0].replace("-", "") === "0" && next !== undefined && next >= "0" && next <= "9") {
            throw this.#fail("numbers must not start with 0");
        }
        this.#at += match[0].length;
        return JSON.parse(match[0]);
    }
    #skipWhitespace() {
        for (;;) {
            const char = this.#text[this.#at];
            if (char !== undefined && WHITESPACE.has(char)) {
                this.#at++;
                continue;
            }
            if (char === "/" && (this.#text[this.#at + 1] === "/" || this.#text[this.#at + 1] === "*")) {
                throw this.#fail('JSON does not allow comments (put notes in a string value such as "goal")');
            }
            return;
        }
    }
    /** An error that also says what was found where something else was expected. */
    #error(expected, hint = "") {
        return new JsonSyntaxError(`${expected}, found ${describeAt(this.#text, this.#at)}${hint}`, this.#at);
    }
    #fail(message) {
        return new JsonSyntaxError(message, this.#at);
    }
}
function describeAt(text, offset) {
    const char = text[offset];
    if (char === undefined)
        return "the end of the file";
    if (char === "\n" || char === "\r")
        return "a line break";
    const codePoint = text.codePointAt(offset) ?? 0;
    return codePoint < 0x20
        ? `character U+${codePoint.toString(16).padStart(4, "0")}`
        : JSON.stringify(String.fromCodePoint(codePoint));
}
/** Maps offsets to 1-based lines and columns, counting "\n", "\r\n" and "\r" as line breaks like editors do. */
function createLineIndex(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === "\n")
            starts.push(i + 1);
        else if (char === "\r" && text[i + 1] !== "\n")
            starts.push(i + 1);
    }
    return (offset) => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
    };
}

/**
 * From the validated document to the `Contract` the rest of loophole uses: defaults are already in
 * place (zod), so this converts units and fills the defaults that depend on other fields.
 */
function normaliseContract(doc) {
    return {
        version: doc.version,
        goal: doc.goal,
        protected: { frozen: doc.protected.frozen, appendOnly: doc.protected.appendOnly },
        sandbox: {
            image: doc.sandbox.image,
            runtime: doc.sandbox.runtime,
            network: hosts(doc.sandbox.network),
            cpus: doc.sandbox.cpus,
            memoryBytes: bytes(doc.sandbox.memory),
            pids: doc.sandbox.pids,
            timeoutMs: ms(doc.sandbox.timeout),
            env: doc.sandbox.env,
        },
        setup: doc.setup.map((step) => ({
            name: step.name ?? step.run,
            run: step.run,
            timeoutMs: optionalMs(step.timeout),
        })),
        tests: doc.tests === undefined
            ? undefined
            : {
                run: doc.tests.run,
                framework: doc.tests.framework,
                minDelta: doc.tests.minDelta,
                allowNewSkips: doc.tests.allowNewSkips,
                reports: doc.tests.reports,
                timeoutMs: optionalMs(doc.tests.timeout),
                allowRunnerChanges: doc.tests.allowRunnerChanges,
            },
        verifiers: doc.verifiers.map((verifier) => ({
            name: verifier.name,
            run: verifier.run,
            timeoutMs: optionalMs(verifier.timeout),
            image: verifier.image,
            env: verifier.env,
        })),
        executor: doc.executor === undefined
            ? undefined
            : {
                run: doc.executor.run,
                image: doc.executor.image,
                secrets: doc.executor.secrets,
                network: hosts(doc.executor.network),
                timeoutMs: ms(doc.executor.timeout),
                env: doc.executor.env,
            },
        budget: { rounds: doc.budget.rounds, timeMs: ms(doc.budget.time) },
    };
}
function hosts(network) {
    return network === "none" ? [] : network;
}
// Validation already ran these parsers (ajv formats, zod refinements); failing here is a bug.
function ms(text) {
    const value = parseDuration(text);
    if (value === undefined)
        throw new Error(`internal error: validated duration ${JSON.stringify(text)} does not parse`);
    return value;
}
function optionalMs(text) {
    return text === undefined ? undefined : ms(text);
}
function bytes(text) {
    const value = parseSize(text);
    if (value === undefined)
        throw new Error(`internal error: validated size ${JSON.stringify(text)} does not parse`);
    return value;
}

/**
 * Rules JSON Schema cannot state, checked on the parsed document next to the schema: the
 * problems join the schema's in one list, so a user sees everything wrong at once.
 */
const isRecord$1 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function contractRuleProblems(document, duplicateKeys) {
    return [
        ...duplicateKeyProblems(duplicateKeys),
        ...duplicateVerifierNames(document),
        ...secretsInEnv(document),
    ];
}
// JSON.parse keeps the last of two equal keys; in a contract the ignored one would be a rule that
// looks enforced and is not.
function duplicateKeyProblems(duplicates) {
    return duplicates.map((duplicate) => ({
        pointer: duplicate.pointer,
        at: "key",
        message: `duplicate key "${lastSegment(duplicate.pointer)}": it appears more than once in the same object, and only one can count; keep one`,
    }));
}
// Reports, feedback to the executor and check-run annotations refer to verifiers by name.
function duplicateVerifierNames(document) {
    if (!isRecord$1(document) || !Array.isArray(document.verifiers))
        return [];
    const firstIndex = new Map();
    const problems = [];
    document.verifiers.forEach((verifier, index) => {
        if (!isRecord$1(verifier) || typeof verifier.name !== "string")
            return;
        const earlier = firstIndex.get(verifier.name);
        if (earlier === undefined) {
            firstIndex.set(verifier.name, index);
            return;
        }
        problems.push({
            pointer: `/verifiers/${index}/name`,
            at: "value",
            message: `duplicate verifier name ${JSON.stringify(verifier.name)}, already used by /verifiers/${earlier}; reports tell verifiers apart by name, so give each a different one`,
        });
    });
    return problems;
}
// A name in both lists would leave it unclear whether the agent gets the secret or the plain value.
function secretsInEnv(document) {
    if (!isRecord$1(document) || !isRecord$1(document.executor))
        return [];
    const { secrets, env } = document.executor;
    if (!Array.isArray(secrets) || !isRecord$1(env))
        return [];
    return secrets
        .filter((name) => typeof name === "string" && Object.hasOwn(env, name))
        .map((name) => ({
        pointer: `/executor/env/${escapePointerSegment(name)}`,
        at: "key",
        message: `"${name}" is also listed in /executor/secrets; a variable is either a secret or a plain value, remove one`,
    }));
}
function lastSegment(pointer) {
    const segment = pointer.slice(pointer.lastIndexOf("/") + 1);
    return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * "Did you mean …?" for unknown keys and enum values: the closest candidate by edit distance,
 * ignoring case, when it is close enough to be a typo rather than a different word.
 */
/** Optimal string alignment distance: Levenshtein plus swapping two neighbouring characters. */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = new Array(rows * cols).fill(0);
    const at = (i, j) => d[i * cols + j] ?? 0;
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, at(i - 2, j - 2) + 1);
            }
            d[i * cols + j] = best;
        }
    }
    return at(a.length, b.length);
}
/** The candidate a typo most likely meant, or undefined when none is close. */
function closestMatch(word, candidates) {
    const needle = word.toLowerCase();
    // Short words tolerate one slip, longer ones a little more: "tset" → "test", not "run" → "env".
    const limit = needle.length <= 4 ? 1 : needle.length <= 8 ? 2 : 3;
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(needle, candidate.toLowerCase());
        if (distance <= limit && (best === undefined || distance < best.distance)) {
            best = { candidate, distance };
        }
    }
    return best?.candidate;
}

const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const DURATION_MESSAGE = `must be a duration: ${DURATION_FORMS}`;
const SIZE_MESSAGE = `must be a size: ${SIZE_FORMS}`;
function translateSchemaErrors(errors) {
    const dropped = new Set();
    const replaced = new Map();
    for (const error of errors) {
        if (error.keyword === "if")
            dropped.add(error);
        if (error.keyword === "anyOf")
            resolveAnyOf(error, errors, dropped, replaced);
        // ajv reports a bad key twice: once as the inner failure (with `propertyName`) and once as
        // `propertyNames`; the inner one says why, at the key.
        if (error.keyword === "propertyNames")
            dropped.add(error);
    }
    const problems = [];
    const seen = new Set();
    for (const error of errors) {
        if (dropped.has(error))
            continue;
        const problem = replaced.get(error) ?? translate(error);
        // A bad duration fails both its pattern and its format with the same message: say it once.
        const key = `${problem.pointer}\u0000${problem.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        problems.push(problem);
    }
    return problems;
}
/**
 * ajv reports every branch of a failed anyOf. When the value's type picks out one branch (a list
 * for "none" | [hosts]), that branch's errors are the useful ones; otherwise the schema's
 * `errorMessage` for the whole choice says it better than any branch.
 */
function resolveAnyOf(error, errors, dropped, replaced) {
    const branches = Array.isArray(error.schema) ? error.schema : [];
    const applicable = branches
        .map((branch, index) => ({ branch, index }))
        .filter(({ branch }) => !isRecord(branch) || branch.type === undefined || matchesType(error.data, branch.type));
    // A value of the wrong type altogether (the document is a list) already has a "type" error.
    const typeError = errors.some((other) => other.keyword === "type" &&
        other.instancePath === error.instancePath &&
        !other.schemaPath.startsWith(error.schemaPath));
    const chosen = applicable.length === 1 ? applicable[0] : undefined;
    const keepBranch = chosen !== undefined && isRecord(chosen.branch) && chosen.branch.const === undefined;
    for (const other of errors) {
        if (other === error || !other.schemaPath.startsWith(`${error.schemaPath}/`))
            continue;
        if (keepBranch && other.schemaPath.startsWith(`${error.schemaPath}/${chosen.index}/`))
            continue;
        dropped.add(other);
    }
    if (keepBranch || (applicable.length === 0 && typeError)) {
        dropped.add(error);
        return;
    }
    const custom = stringField(error.parentSchema, "errorMessage");
    const message = custom ?? "does not match any of the allowed forms";
    // The whole-document rule ("needs tests or verifiers") reads badly with ", got an object".
    replaced.set(error, {
        pointer: error.instancePath,
        at: "value",
        message: error.instancePath === "" ? message : `${message}; got ${describeValue(error.data)}`,
    });
}
function translate(error) {
    const params = error.params;
    const at = error.instancePath;
    const got = `got ${describeValue(error.data)}`;
    switch (error.keyword) {
        case "required": {
            const missing = String(params.missingProperty);
            const custom = stringField(error.parentSchema, "errorMessage");
            return {
                pointer: `${at}/${escapePointerSegment(missing)}`,
                at: "value",
                message: custom ?? "is required",
            };
        }
        case "additionalProperties": {
            const key = String(params.additionalProperty);
            const allowed = Object.keys(objectField(error.parentSchema, "properties") ?? {});
            return {
                pointer: `${at}/${escapePointerSegment(key)}`,
                at: "key",
                message: unknownKeyMessage(key, allowed),
            };
        }
        case "type":
            return { pointer: at, at: "value", message: `must be ${typeName(params.type)}, ${got}` };
        case "const":
            return { pointer: at, at: "value", message: `must be ${JSON.stringify(params.allowedValue)}, ${got}` };
        case "enum": {
            const allowed = Array.isArray(params.allowedValues)
                ? params.allowedValues.map((v) => JSON.stringify(v))
                : [];
            const hint = typeof error.data === "string"
                ? closestMatch(error.data, allowed.map((v) => v.slice(1, -1)))
                : undefined;
            const suggestion = hint === undefined ? "" : `; did you mean "${hint}"?`;
            return {
                pointer: at,
                at: "value",
                message: `must be one of ${allowed.join(", ")}; ${got}${suggestion}`,
            };
        }
        case "pattern":
        case "format":
            return patternProblem(error);
        case "minLength":
            return { pointer: at, at: "value", message: "must not be empty" };
        case "minItems":
            return { pointer: at, at: "value", message: `must list at least ${String(params.limit)} item(s)` };
        case "minimum":
            return { pointer: at, at: "value", message: `must be at least ${String(params.limit)}, ${got}` };
        case "exclusiveMinimum":
            return { pointer: at, at: "value", message: `must be greater than ${String(params.limit)}, ${got}` };
        case "uniqueItems": {
            const later = Math.max(Number(params.i), Number(params.j));
            const earlier = Math.min(Number(params.i), Number(params.j));
            const item = Array.isArray(error.data) ? describeValue(error.data[later]) : "an item";
            return {
                pointer: `${at}/${later}`,
                at: "value",
                message: `repeats ${item}, already listed at ${at}/${earlier}; list each item once`,
            };
        }
        default:
            return { pointer: at, at: "value", message: error.message ?? `fails the "${error.keyword}" rule` };
    }
}
function patternProblem(error) {
    const schema = error.parentSchema;
    const format = stringField(schema, "format");
    const data = error.data;
    // A value that fits the pattern but fails the format is out of range ("0.1" bytes, 10^20 hours).
    const fitsPattern = typeof data === "string" && new RegExp(stringField(schema, "pattern") ?? "^$", "u").test(data);
    let message;
    if (format === DURATION_FORMAT) {
        message = fitsPattern ? "is too long for a duration" : DURATION_MESSAGE;
    }
    else if (format === SIZE_FORMAT) {
        message = fitsPattern ? "must be at least 1 byte and less than 8 PiB" : SIZE_MESSAGE;
    }
    else {
        message =
            stringField(schema, "patternErrorMessage") ?? `must match the pattern ${String(error.params.pattern)}`;
    }
    if (error.propertyName !== undefined) {
        // The value is a key of a map (an env var name): point at the key itself.
        return {
            pointer: `${error.instancePath}/${escapePointerSegment(error.propertyName)}`,
            at: "key",
            message: `the name ${describeValue(data)} is invalid: it ${message}`,
        };
    }
    return { pointer: error.instancePath, at: "value", message: `${message}, got ${describeValue(data)}` };
}
// Words people reach for that edit distance cannot connect to the key meant.
const KEY_ALIASES = {
    environment: "env",
    variables: "env",
    command: "run",
    cmd: "run",
    script: "run",
    checks: "verifiers",
    verify: "verifiers",
    secret: "secrets",
    hosts: "network",
};
function unknownKeyMessage(key, allowed) {
    const alias = KEY_ALIASES[key.toLowerCase()];
    const close = alias !== undefined && allowed.includes(alias) ? alias : closestMatch(key, allowed);
    if (close !== undefined)
        return `unknown key "${key}"; did you mean "${close}"?`;
    const elsewhere = keyHomes().get(key);
    if (elsewhere !== undefined && elsewhere.length > 0) {
        return `unknown key "${key}" here; it belongs in ${elsewhere.map((home) => `"${home}"`).join(" or ")}`;
    }
    const list = allowed.length > 0 ? `; allowed here: ${allowed.join(", ")}` : "";
    return `unknown key "${key}"${list}`;
}
let homes;
/** For each key the schema allows anywhere, the objects it belongs to ("sandbox", "verifiers[]"). */
function keyHomes() {
    if (homes)
        return homes;
    const found = new Map();
    const defs = objectField(contractJsonSchema, "$defs") ?? {};
    const visit = (schema, label, depth) => {
        if (!isRecord(schema) || depth > 8)
            return;
        const ref = schema.$ref;
        if (typeof ref === "string" && ref.startsWith("#/$defs/"))
            visit(defs[ref.slice(8)], label, depth + 1);
        const properties = schema.properties;
        if (isRecord(properties)) {
            for (const [name, child] of Object.entries(properties)) {
                if (label !== "")
                    found.set(name, [...new Set([...(found.get(name) ?? []), label])]);
                visit(child, label === "" ? name : `${label}.${name}`, depth + 1);
            }
        }
        if (schema.type === "array")
            visit(schema.items, `${label}[]`, depth + 1);
    };
    visit(contractJsonSchema, "", 0);
    homes = found;
    return found;
}
function matchesType(data, type) {
    const types = Array.isArray(type) ? type : [type];
    return types.some((t) => {
        if (t === "array")
            return Array.isArray(data);
        if (t === "object")
            return isRecord(data);
        if (t === "null")
            return data === null;
        if (t === "integer")
            return Number.isInteger(data);
        return typeof data === t;
    });
}
const TYPE_NAMES = {
    string: "a string",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
    object: "an object",
    array: "a list",
    null: "null",
};
function typeName(type) {
    const types = Array.isArray(type) ? type : [type];
    return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(" or ");
}
/** A short rendering of a bad value for messages; long strings are cut. */
function describeValue(value) {
    if (typeof value === "string") {
        const text = JSON.stringify(value);
        return text.length > 60 ? `${text.slice(0, 56)}…"` : text;
    }
    if (Array.isArray(value))
        return "a list";
    if (isRecord(value))
        return "an object";
    if (value === undefined)
        return "nothing";
    return JSON.stringify(value);
}
function stringField(schema, name) {
    if (!isRecord(schema))
        return undefined;
    const value = schema[name];
    return typeof value === "string" ? value : undefined;
}
function objectField(schema, name) {
    if (!isRecord(schema))
        return undefined;
    const value = schema[name];
    return isRecord(value) ? value : undefined;
}

/**
 * `loophole.json` text → `Contract`. Every problem in the file is reported at once, each with its
 * JSON pointer and line/column, as one `ConfigurationError` that says which file to fix and how.
 */
/** How many problems are listed before "… and N more". */
const MAX_LISTED_PROBLEMS = 10;
/**
 * Parses and validates a contract. `source` names the file in messages, such as "loophole.json" or
 * "loophole.json@<sha>" for a contract read from a commit.
 */
function parseContract(text, source) {
    // Editors on Windows may save a byte order mark; columns are counted after it, as editors do.
    const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
    const lineColumn = createLineIndex(body);
    let parsed;
    try {
        parsed = parseJsonWithLocations(body);
    }
    catch (error) {
        if (!(error instanceof JsonSyntaxError))
            throw error;
        const { line, column } = lineColumn(error.offset);
        throw new ConfigurationError(`${source} is not valid JSON. Fix the syntax error below, then check the file with "loophole validate".`, [`${source}: ${error.pointer || "/"} (line ${line}, column ${column}): ${error.message}`]);
    }
    const problems = [
        ...translateSchemaErrors(contractSchemaErrors(parsed.value)),
        ...contractRuleProblems(parsed.value, parsed.duplicateKeys),
    ];
    if (problems.length > 0) {
        const located = problems
            .map((problem) => ({ problem, offset: problemOffset(problem, parsed.locations) }))
            .sort((a, b) => a.offset - b.offset);
        const lines = located.map(({ problem, offset }) => {
            const { line, column } = lineColumn(offset);
            return `${source}: ${problem.pointer || "/"} (line ${line}, column ${column}): ${problem.message}`;
        });
        const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
        throw new ConfigurationError(`${source} is not a valid loophole contract (${count}). Fix ${problems.length === 1 ? "it" : "them"} and check the file with "loophole validate"; every field is described in the schema ${CONTRACT_SCHEMA_URL} (add "$schema" with that URL for help in your editor).`, capProblems(lines));
    }
    const typed = contractDocumentSchema.safeParse(parsed.value);
    if (!typed.success) {
        // ajv accepted what zod rejects: the two schemas disagree, which is loophole's bug, not the user's.
        throw new Error(`internal error: ${source} passed the JSON schema but not its zod mirror: ${typed.error.message}`);
    }
    return normaliseContract(typed.data);
}
/** The first MAX_LISTED_PROBLEMS lines, then "… and N more". */
function capProblems(lines) {
    if (lines.length <= MAX_LISTED_PROBLEMS)
        return [...lines];
    return [...lines.slice(0, MAX_LISTED_PROBLEMS), `… and ${lines.length - MAX_LISTED_PROBLEMS} more`];
}
/**
 * Hex SHA-256 of the contract as written, for provenance in reports: pass the file's bytes when you
 * have them; text is hashed as UTF-8, which gives the same digest for any UTF-8 file.
 */
function contractSha256(content) {
    const hash = createHash("sha256");
    if (typeof content === "string")
        hash.update(content, "utf8");
    else
        hash.update(content);
    return hash.digest("hex");
}
/**
 * Where to point for a problem: the key or value itself when it exists in the file, otherwise
 * (a missing property) the nearest enclosing value that does.
 */
function problemOffset(problem, locations) {
    let pointer = problem.pointer;
    for (;;) {
        const location = locations.get(pointer);
        if (location !== undefined) {
            return problem.at === "key" && pointer === problem.pointer
                ? (location.key ?? location.value)
                : location.value;
        }
        if (pointer === "")
            return 0;
        pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    }
}

export { contractSha256 as c, parseContract as p };
//# sourceMappingURL=parse.js.map

import { createHash } from 'node:crypto';
import { C as ConfigurationError } from './errors.js';
import { p as parseDuration, c as parseSize, d as DURATION_FORMAT, S as SIZE_FORMAT, e as DURATION_FORMS, g as SIZE_FORMS, h as contractSchemaErrors, C as CONTRACT_SCHEMA_URL, i as contractDocumentSchema } from './zod-schema.js';

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

var $schema = "https://json-schema.org/draft/2020-12/schema";
var $id = "https://raw.githubusercontent.com/loophole-dev/loophole/main/schemas/loophole.schema.json";
var title = "loophole contract";
var description = "What a pull request must satisfy before loophole lets it through. The gate always reads this file from the pull request's base commit, never from the head, so a pull request cannot change the rules it is judged by.";
var type = "object";
var additionalProperties = false;
var required = [
	"version",
	"goal",
	"sandbox"
];
var properties = {
	$schema: {
		title: "JSON schema",
		description: "The URL of this schema, so editors show help and errors while you type. loophole itself ignores it.",
		type: "string"
	},
	version: {
		title: "Contract format version",
		description: "Always 1.",
		"const": 1
	},
	goal: {
		title: "Goal",
		description: "What done means, in words. Shown at the top of every report and handed to the executor in task mode. The gate checks the verifiers and tests below, not this sentence.",
		type: "string",
		pattern: "\\S",
		patternErrorMessage: "must say in words what done means, not be blank"
	},
	"protected": {
		title: "Protected paths",
		description: "Paths a pull request may not change (frozen) or may only add to (appendOnly). Changes to them fail the gate, and the verifiers run on the base version of those files. The contract file itself and .github/workflows/** are always frozen.",
		type: "object",
		additionalProperties: false,
		"default": {
		},
		properties: {
			frozen: {
				title: "Frozen paths",
				description: "Globs of files that must not change at all: no edit, deletion, rename, mode change or new file. Default: [].",
				type: "array",
				items: {
					$ref: "#/$defs/glob"
				},
				uniqueItems: true,
				"default": [
				]
			},
			appendOnly: {
				title: "Append-only paths",
				description: "Globs of files (typically tests) that may gain new files and new lines, but whose existing lines must stay. Default: [].",
				type: "array",
				items: {
					$ref: "#/$defs/glob"
				},
				uniqueItems: true,
				"default": [
				]
			}
		}
	},
	sandbox: {
		title: "Sandbox",
		description: "The container every setup step, test run and verifier runs in: a fresh copy of the committed tree, no credentials, no network unless listed, and the limits below.",
		type: "object",
		additionalProperties: false,
		properties: {
			image: {
				title: "Container image",
				description: "The image the sandbox runs, such as \"python:3.12-slim\". Required unless runtime is \"host\". It must provide /bin/sh. Pin a digest (image@sha256:…) for reproducible verdicts.",
				$ref: "#/$defs/image"
			},
			runtime: {
				title: "Container runtime",
				description: "\"docker\" (default), \"podman\", or \"host\": run directly on the machine without a container, with no isolation; reports say so.",
				type: "string",
				"enum": [
					"docker",
					"podman",
					"host"
				],
				"default": "docker"
			},
			network: {
				title: "Network access",
				description: "\"none\" (default): no network at all. Or a list of host names the sandbox may reach, such as [\"example.com\", \"*.example.com\", \"example.com:443\"]; reports list them as a relaxation.",
				$ref: "#/$defs/network"
			},
			cpus: {
				title: "CPUs",
				description: "How many CPUs the container may use (fractions allowed). Default: 2.",
				type: "number",
				exclusiveMinimum: 0,
				"default": 2
			},
			memory: {
				title: "Memory limit",
				description: "Memory limit, with no extra swap, such as \"512m\" or \"4g\". Default: \"4g\".",
				$ref: "#/$defs/size",
				"default": "4g"
			},
			pids: {
				title: "Process limit",
				description: "The most processes and threads the container may run at once (at least 16). Default: 512.",
				type: "integer",
				minimum: 16,
				"default": 512
			},
			timeout: {
				title: "Session timeout",
				description: "Wall-clock limit for everything one sandbox session runs (setup, tests and verifiers of one side), such as \"30m\" or \"1h30m\". Default: \"30m\".",
				$ref: "#/$defs/duration",
				"default": "30m"
			},
			env: {
				title: "Environment",
				description: "The only environment variables the sandbox sees (besides HOME). Nothing of the CI runner's environment reaches it. Default: {}.",
				$ref: "#/$defs/env"
			}
		},
		"if": {
			type: "object",
			properties: {
				runtime: {
					"const": "host"
				}
			},
			required: [
				"runtime"
			]
		},
		"else": {
			type: "object",
			required: [
				"image"
			],
			errorMessage: "is required: the container image the sandbox runs, such as \"python:3.12-slim\" (or set \"runtime\": \"host\" to run without a container)"
		}
	},
	setup: {
		title: "Setup steps",
		description: "Commands run in the sandbox, in order, before the tests and verifiers, such as installing dependencies. A failing step stops the run. Default: [].",
		type: "array",
		items: {
			$ref: "#/$defs/setupStep"
		},
		"default": [
		]
	},
	tests: {
		title: "Tests",
		description: "The test suite, run on base and on head and compared test by test: a test that disappears, becomes skipped or stops passing fails the gate. A contract needs this section or at least one verifier.",
		type: "object",
		additionalProperties: false,
		required: [
			"run",
			"framework"
		],
		properties: {
			run: {
				title: "Test command",
				description: "The shell command that runs the whole suite, such as \"pytest -q\" or \"npm test\". loophole adds the options that make the runner write machine-readable results.",
				$ref: "#/$defs/command"
			},
			framework: {
				title: "Test framework",
				description: "Which runner the command uses, so results can be read test by test. \"junit\" and \"tap\" read report files or output in those formats from any runner.",
				type: "string",
				"enum": [
					"pytest",
					"unittest",
					"jest",
					"vitest",
					"mocha",
					"node",
					"tape",
					"go",
					"cargo",
					"junit",
					"tap"
				]
			},
			minDelta: {
				title: "Minimum change in test count",
				description: "How many more tests head must have than base: 0 (default) means no fewer tests, 1 means at least one new test, a negative number allows that many to go.",
				type: "integer",
				"default": 0
			},
			allowNewSkips: {
				title: "Allow newly skipped tests",
				description: "Whether a test that ran on base may be skipped on head. Default: false.",
				type: "boolean",
				"default": false
			},
			reports: {
				title: "Report files",
				description: "For \"junit\" and \"tap\": globs of the report files to read, relative to the report directory ($LOOPHOLE_REPORTS). Default: [] (every file).",
				type: "array",
				items: {
					$ref: "#/$defs/glob"
				},
				uniqueItems: true,
				"default": [
				]
			},
			timeout: {
				title: "Test timeout",
				description: "Wall-clock limit for one run of the test command, such as \"20m\". Default: the sandbox timeout.",
				$ref: "#/$defs/duration"
			},
			allowRunnerChanges: {
				title: "Allowed runner changes",
				description: "Globs of runner configuration files (pytest.ini, jest.config.js…) a pull request may change without it counting as tampering with the test runner. Default: [].",
				type: "array",
				items: {
					$ref: "#/$defs/glob"
				},
				uniqueItems: true,
				"default": [
				]
			}
		}
	},
	verifiers: {
		title: "Hard verifiers",
		description: "Commands that must all exit 0 on head, such as a type checker, a linter or an end-to-end script. Names must be unique. A contract needs at least one verifier or a tests section. Default: [].",
		type: "array",
		items: {
			$ref: "#/$defs/verifier"
		},
		"default": [
		]
	},
	executor: {
		title: "Executor",
		description: "Task mode only: the coding agent loophole runs in a sandbox to work on a task until the contract is met.",
		type: "object",
		additionalProperties: false,
		required: [
			"run"
		],
		properties: {
			run: {
				title: "Executor command",
				description: "The shell command that starts the agent, such as \"claude -p {task}\", where {task} stands for the task text.",
				$ref: "#/$defs/command"
			},
			image: {
				title: "Executor image",
				description: "The image the agent runs in. Default: the sandbox image.",
				$ref: "#/$defs/image"
			},
			secrets: {
				title: "Secrets",
				description: "Names of secrets passed to the agent as environment variables, such as [\"ANTHROPIC_API_KEY\"]. Only the executor gets them, never setup, tests or verifiers. Default: [].",
				type: "array",
				items: {
					$ref: "#/$defs/envName"
				},
				uniqueItems: true,
				"default": [
				]
			},
			network: {
				title: "Executor network access",
				description: "\"none\" (default) or the host names the agent may reach, such as its model API.",
				$ref: "#/$defs/network"
			},
			timeout: {
				title: "Executor timeout",
				description: "Wall-clock limit for one round of the agent, such as \"60m\". Default: \"60m\".",
				$ref: "#/$defs/duration",
				"default": "60m"
			},
			env: {
				title: "Executor environment",
				description: "Extra environment variables for the agent (not secrets; use \"secrets\" for those). Default: {}.",
				$ref: "#/$defs/env"
			}
		}
	},
	budget: {
		title: "Budget",
		description: "Task mode only: when to stop trying. A run that ends without meeting the contract opens a draft pull request.",
		type: "object",
		additionalProperties: false,
		"default": {
		},
		properties: {
			rounds: {
				title: "Rounds",
				description: "The most executor rounds (agent run, then gate). Default: 5.",
				type: "integer",
				minimum: 1,
				"default": 5
			},
			time: {
				title: "Total time",
				description: "Wall-clock limit for the whole task, such as \"2h\". Default: \"2h\".",
				$ref: "#/$defs/duration",
				"default": "2h"
			}
		}
	}
};
var allOf = [
	{
		errorMessage: "defines no way to check the work: add a \"tests\" section or at least one entry in \"verifiers\"",
		anyOf: [
			{
				type: "object",
				required: [
					"tests"
				]
			},
			{
				type: "object",
				required: [
					"verifiers"
				],
				properties: {
					verifiers: {
						type: "array",
						minItems: 1
					}
				}
			}
		]
	}
];
var $defs = {
	duration: {
		description: "A duration: a number with a unit, such as \"250ms\", \"90s\", \"10m\", \"2h\" or \"1h30m\".",
		type: "string",
		pattern: "^(?=.*[1-9])(?:[0-9]+h)?(?:[0-9]+m(?!s))?(?:[0-9]+s)?(?:[0-9]+ms)?$",
		format: "loophole-duration",
		patternErrorMessage: "must be a duration: a number with a unit, such as \"250ms\", \"90s\", \"10m\", \"2h\" or \"1h30m\""
	},
	size: {
		description: "A size: a whole number of bytes or a number with a unit k, m, g or t (binary), such as \"512m\" or \"4g\".",
		type: "string",
		pattern: "^(?=[0-9.]*[1-9])[0-9]+(?:\\.[0-9]+)?(?:[kKmMgGtT](?:[iI]?[bB])?|[bB])?$",
		format: "loophole-size",
		patternErrorMessage: "must be a size: a whole number of bytes or a number with a unit k, m, g or t (binary), such as \"512m\" or \"4g\""
	},
	command: {
		description: "A shell command, run with /bin/sh -c in the repository root.",
		type: "string",
		pattern: "\\S",
		patternErrorMessage: "must be a shell command, not blank"
	},
	image: {
		description: "A container image reference, such as \"python:3.12-slim\" or \"ghcr.io/org/image@sha256:…\".",
		type: "string",
		pattern: "^[A-Za-z0-9][^\\s]*$",
		patternErrorMessage: "must be a container image reference such as \"python:3.12-slim\" (no spaces, starting with a letter or digit)"
	},
	glob: {
		description: "A path glob relative to the repository root, with forward slashes, such as \"tests/**\" or \"src/*.py\".",
		type: "string",
		pattern: "^(?!/)(?!.*\\\\)(?!(?:.*/)?\\.\\.(?:/|$)).+$",
		patternErrorMessage: "must be a path glob relative to the repository root with forward slashes, such as \"tests/**\" (no leading \"/\", no \"..\", no backslashes)"
	},
	envName: {
		description: "An environment variable name: letters, digits and underscores, not starting with a digit.",
		type: "string",
		pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
		patternErrorMessage: "must be an environment variable name: letters, digits and underscores, not starting with a digit"
	},
	env: {
		description: "Environment variables: names to string values.",
		type: "object",
		propertyNames: {
			$ref: "#/$defs/envName"
		},
		additionalProperties: {
			type: "string"
		},
		"default": {
		}
	},
	host: {
		description: "A host name, optionally with a leading \"*.\" for its subdomains and a \":port\", such as \"example.com\", \"*.example.com\" or \"example.com:443\".",
		type: "string",
		pattern: "^(?:\\*\\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?$",
		patternErrorMessage: "must be a host name such as \"example.com\", \"*.example.com\" or \"example.com:443\""
	},
	network: {
		description: "\"none\", or a list of host names that may be reached.",
		errorMessage: "must be \"none\" or a list of host names such as [\"example.com\", \"*.example.com\", \"example.com:443\"]",
		"default": "none",
		anyOf: [
			{
				type: "string",
				"const": "none"
			},
			{
				type: "array",
				items: {
					$ref: "#/$defs/host"
				},
				uniqueItems: true
			}
		]
	},
	setupStep: {
		title: "Setup step",
		type: "object",
		additionalProperties: false,
		required: [
			"run"
		],
		properties: {
			name: {
				title: "Name",
				description: "A label for logs and reports. Default: the command.",
				type: "string",
				minLength: 1
			},
			run: {
				title: "Command",
				description: "The shell command to run, such as \"pip install -e .\".",
				$ref: "#/$defs/command"
			},
			timeout: {
				title: "Timeout",
				description: "Wall-clock limit for this step, such as \"10m\". Default: the sandbox timeout.",
				$ref: "#/$defs/duration"
			}
		}
	},
	verifier: {
		title: "Verifier",
		type: "object",
		additionalProperties: false,
		required: [
			"name",
			"run"
		],
		properties: {
			name: {
				title: "Name",
				description: "A unique label shown in the report, such as \"type check\".",
				type: "string",
				minLength: 1
			},
			run: {
				title: "Command",
				description: "The shell command that must exit 0, such as \"mypy src\".",
				$ref: "#/$defs/command"
			},
			timeout: {
				title: "Timeout",
				description: "Wall-clock limit for this verifier, such as \"10m\". Default: the sandbox timeout.",
				$ref: "#/$defs/duration"
			},
			image: {
				title: "Image override",
				description: "Run this verifier in another image instead of the sandbox image. Default: the sandbox image.",
				$ref: "#/$defs/image"
			},
			env: {
				title: "Environment",
				description: "Extra environment variables for this verifier, added to the sandbox's. Default: {}.",
				$ref: "#/$defs/env"
			}
		}
	}
};
var contractJsonSchema = {
	$schema: $schema,
	$id: $id,
	title: title,
	description: description,
	type: type,
	additionalProperties: additionalProperties,
	required: required,
	properties: properties,
	allOf: allOf,
	$defs: $defs
};

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

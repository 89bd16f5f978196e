// Every kind of contract mistake gives a message that names the place (pointer, line, column) and the fix.
import { describe, expect, it } from "vitest";
import { DURATION_FORMS, SIZE_FORMS } from "../core/duration.js";
import { ConfigurationError } from "../core/errors.js";
import { parseContract } from "./parse.js";

const SOURCE = "loophole.json";

function failure(text: string, source = SOURCE): ConfigurationError {
  try {
    parseContract(text, source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("the contract was accepted");
}

/** A minimal valid contract with `overrides` merged in at the top level (undefined removes a key). */
function contract(overrides: Record<string, unknown> = {}): string {
  const doc: Record<string, unknown> = {
    version: 1,
    goal: "done",
    sandbox: { image: "python:3.12-slim" },
    tests: { run: "pytest -q", framework: "pytest" },
    ...overrides,
  };
  return JSON.stringify(doc, null, 2);
}

describe("parseContract: errors", () => {
  it("reports a syntax error with its line and column", () => {
    const error = failure('{\n  "version": 1,\n  "goal": "x"\n  "sandbox": {}\n}');
    expect(error.message).toBe(
      'loophole.json is not valid JSON. Fix the syntax error below, then check the file with "loophole validate".',
    );
    expect(error.details).toEqual([
      'loophole.json: / (line 4, column 3): expected "," or "}" after the value of "goal", found "\\"" (is a comma missing?)',
    ]);
    expect(failure('{\n  "sandbox": {\n    "memory": 4 gigs\n  }\n}').details).toEqual([
      'loophole.json: /sandbox (line 3, column 17): expected "," or "}" after the value of "memory", found "g"',
    ]);
  });

  it("names the file, counts the problems and says how to fix them", () => {
    const error = failure(contract({ goal: undefined }), "loophole.json@0123456789ab");
    expect(error.message).toMatch(
      /^loophole\.json@0123456789ab is not a valid loophole contract \(1 problem\)\. Fix it/,
    );
    expect(error.message).toContain('"loophole validate"');
    expect(error.message).toContain(
      "https://raw.githubusercontent.com/loophole-dev/loophole/main/schemas/loophole.schema.json",
    );
    expect(error.details).toEqual(["loophole.json@0123456789ab: /goal (line 1, column 1): is required"]);
  });

  it("reports a wrong type with the value it got", () => {
    const text =
      '{\n  "version": 1,\n  "goal": "g",\n  "sandbox": { "image": "i", "cpus": "2" },\n  "verifiers": [{ "name": "v", "run": "x" }]\n}';
    expect(failure(text).details).toEqual([
      'loophole.json: /sandbox/cpus (line 4, column 38): must be a number, got "2"',
    ]);
  });

  it("lists the allowed values of an enum and suggests the closest", () => {
    expect(failure(contract({ sandbox: { image: "i", runtime: "dockr" } })).details).toEqual([
      'loophole.json: /sandbox/runtime (line 6, column 16): must be one of "docker", "podman", "host"; got "dockr"; did you mean "docker"?',
    ]);
  });

  it("points at an unknown key and suggests the key meant", () => {
    expect(failure(contract({ protected: { frozen: [], appendonly: ["tests/**"] } })).details).toEqual([
      'loophole.json: /protected/appendonly (line 13, column 5): unknown key "appendonly"; did you mean "appendOnly"?',
    ]);
    expect(failure(contract({ image: "x" })).details).toEqual([
      'loophole.json: /image (line 11, column 3): unknown key "image" here; it belongs in "sandbox" or "verifiers[]" or "executor"',
    ]);
    expect(failure(contract({ sandbox: { image: "i", environment: {} } })).details[0]).toContain(
      'unknown key "environment"; did you mean "env"?',
    );
    expect(failure(contract({ colour: "x" })).details[0]).toContain(
      'unknown key "colour"; allowed here: $schema, version, goal, protected, sandbox, setup, tests, verifiers, executor, budget',
    );
  });

  it("describes a bad duration and a bad size with the forms duration.ts accepts", () => {
    const text = [
      "{",
      '  "version": 1,',
      '  "goal": "g",',
      '  "tests": { "run": "x", "framework": "go", "timeout": "10 minutes" },',
      '  "sandbox": {',
      '    "image": "i",',
      '    "memory": "4 gigs"',
      "  }",
      "}",
    ].join("\n");
    expect(failure(text).details).toEqual([
      `loophole.json: /tests/timeout (line 4, column 56): must be a duration: ${DURATION_FORMS}, got "10 minutes"`,
      `loophole.json: /sandbox/memory (line 7, column 15): must be a size: ${SIZE_FORMS}, got "4 gigs"`,
    ]);
  });

  it("reports values that fit the form but not the range", () => {
    expect(failure(contract({ budget: { time: "99999999999999h" } })).details[0]).toMatch(
      /\/budget\/time .*: is too long for a duration, got "99999999999999h"$/,
    );
    expect(failure(contract({ sandbox: { image: "i", memory: "0.1" } })).details[0]).toMatch(
      /\/sandbox\/memory .*: must be at least 1 byte and less than 8 PiB, got "0.1"$/,
    );
  });

  it("refuses duplicate verifier names, naming the duplicate", () => {
    const verifiers = [
      { name: "unit tests", run: "a" },
      { name: "lint", run: "b" },
      { name: "unit tests", run: "c" },
    ];
    expect(failure(contract({ verifiers })).details).toEqual([
      'loophole.json: /verifiers/2/name (line 21, column 15): duplicate verifier name "unit tests", already used by /verifiers/0; reports tell verifiers apart by name, so give each a different one',
    ]);
  });

  it("refuses a contract with no verifiers and no tests", () => {
    const expected = [
      'loophole.json: / (line 1, column 1): defines no way to check the work: add a "tests" section or at least one entry in "verifiers"',
    ];
    expect(failure(contract({ tests: undefined })).details).toEqual(expected);
    expect(failure(contract({ tests: undefined, verifiers: [] })).details).toEqual(expected);
  });

  it("requires an image unless the runtime is host", () => {
    const message =
      'is required: the container image the sandbox runs, such as "python:3.12-slim" (or set "runtime": "host" to run without a container)';
    expect(failure(contract({ sandbox: { runtime: "docker" } })).details).toEqual([
      `loophole.json: /sandbox/image (line 4, column 14): ${message}`,
    ]);
    expect(failure(contract({ sandbox: { runtime: "podman", cpus: 1 } })).details).toEqual([
      `loophole.json: /sandbox/image (line 4, column 14): ${message}`,
    ]);
    expect(failure(contract({ sandbox: undefined })).details).toEqual([
      "loophole.json: /sandbox (line 1, column 1): is required",
    ]);
  });

  it("points at an invalid environment variable name itself", () => {
    expect(failure(contract({ sandbox: { image: "i", env: { "1BAD": "x" } } })).details).toEqual([
      'loophole.json: /sandbox/env/1BAD (line 7, column 7): the name "1BAD" is invalid: it must be an environment variable name: letters, digits and underscores, not starting with a digit',
    ]);
  });

  it("reports duplicate JSON keys, which JSON.parse would silently drop", () => {
    const text =
      '{"version": 1, "goal": "g", "sandbox": {"image": "a", "image": "b"}, "tests": {"run": "x", "framework": "go"}}';
    expect(failure(text).details).toEqual([
      'loophole.json: /sandbox/image (line 1, column 55): duplicate key "image": it appears more than once in the same object, and only one can count; keep one',
    ]);
  });

  it("refuses a secret that is also a plain environment variable", () => {
    const details = failure(
      contract({ executor: { run: "a", secrets: ["KEY"], env: { KEY: "x" } } }),
    ).details;
    expect(details).toHaveLength(1);
    expect(details[0]).toContain(
      '/executor/env/KEY (line 17, column 7): "KEY" is also listed in /executor/secrets',
    );
  });

  it("gives one clear message for a network that is neither none nor a host list", () => {
    expect(failure(contract({ sandbox: { image: "i", network: "all" } })).details[0]).toContain(
      '/sandbox/network (line 6, column 16): must be "none" or a list of host names such as ["example.com", "*.example.com", "example.com:443"]; got "all"',
    );
    // Inside a list, the item at fault is named instead.
    expect(failure(contract({ sandbox: { image: "i", network: ["ok.com", "not a host"] } })).details).toEqual(
      [
        'loophole.json: /sandbox/network/1 (line 8, column 7): must be a host name such as "example.com", "*.example.com" or "example.com:443", got "not a host"',
      ],
    );
  });

  it("lists problems in file order, capped at 10 plus the count of the rest", () => {
    const text = contract({
      version: 2,
      goal: " ",
      sandbox: { image: "i", runtime: "lxc", cpus: 0, pids: 1, memory: "x", timeout: "y", network: 3 },
      tests: { run: "", framework: "nose", minDelta: 0.5, allowNewSkips: "no" },
      budget: { rounds: 0, time: "z" },
    });
    const error = failure(text);
    expect(error.message).toContain("(14 problems)");
    expect(error.details).toHaveLength(11);
    expect(error.details[10]).toBe("… and 4 more");
    expect(error.details[0]).toMatch(/^loophole\.json: \/version \(line 2, /);
    expect(error.details[1]).toMatch(/^loophole\.json: \/goal \(line 3, /);
    const lines = error.details.slice(0, 10).map((detail) => Number(/\(line (\d+),/.exec(detail)?.[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

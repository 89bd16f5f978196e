import { describe, expect, it } from "vitest";
import { contractSha256, parseContract } from "./parse.js";
import type { Contract } from "./types.js";

const SOURCE = "loophole.json";

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

describe("parseContract: valid contracts", () => {
  it("fills every default in a minimal contract", () => {
    const expected: Contract = {
      version: 1,
      goal: "done",
      protected: { frozen: [], appendOnly: [] },
      sandbox: {
        image: "python:3.12-slim",
        runtime: "docker",
        network: [],
        cpus: 2,
        memoryBytes: 4 * 1024 ** 3,
        pids: 512,
        timeoutMs: 30 * 60_000,
        env: {},
      },
      setup: [],
      tests: {
        run: "pytest -q",
        framework: "pytest",
        minDelta: 0,
        allowNewSkips: false,
        reports: [],
        timeoutMs: undefined,
        allowRunnerChanges: [],
      },
      verifiers: [],
      executor: undefined,
      budget: { rounds: 5, timeMs: 2 * 3_600_000 },
    };
    expect(parseContract(contract(), SOURCE)).toEqual(expected);
  });

  it("converts every duration and size and keeps every field", () => {
    const text = contract({
      $schema: "https://example.com/schema.json",
      protected: { frozen: ["loophole.json"], appendOnly: ["tests/**"] },
      sandbox: {
        image: "img",
        runtime: "podman",
        network: ["example.com:443", "*.example.com"],
        cpus: 1.5,
        memory: "1.5GiB",
        pids: 64,
        timeout: "1h30m",
        env: { CI: "true" },
      },
      setup: [{ run: "pip install -e ." }, { name: "deps", run: "make deps", timeout: "90s" }],
      tests: {
        run: "pytest",
        framework: "junit",
        minDelta: 1,
        allowNewSkips: true,
        reports: ["**/*.xml"],
        timeout: "20m",
        allowRunnerChanges: ["pytest.ini"],
      },
      verifiers: [{ name: "types", run: "mypy .", timeout: "250ms", image: "other", env: { A: "1" } }],
      executor: { run: "agent {task}", secrets: ["KEY"], network: "none" },
      budget: { rounds: 3, time: "45m" },
    });
    const parsed = parseContract(text, SOURCE);
    expect(parsed.sandbox).toEqual({
      image: "img",
      runtime: "podman",
      network: ["example.com:443", "*.example.com"],
      cpus: 1.5,
      memoryBytes: 1610612736,
      pids: 64,
      timeoutMs: 5_400_000,
      env: { CI: "true" },
    });
    expect(parsed.setup).toEqual([
      { name: "pip install -e .", run: "pip install -e .", timeoutMs: undefined },
      { name: "deps", run: "make deps", timeoutMs: 90_000 },
    ]);
    expect(parsed.tests).toMatchObject({
      framework: "junit",
      minDelta: 1,
      timeoutMs: 1_200_000,
      reports: ["**/*.xml"],
    });
    expect(parsed.verifiers).toEqual([
      { name: "types", run: "mypy .", timeoutMs: 250, image: "other", env: { A: "1" } },
    ]);
    expect(parsed.executor).toEqual({
      run: "agent {task}",
      image: undefined,
      secrets: ["KEY"],
      network: [],
      timeoutMs: 3_600_000,
      env: {},
    });
    expect(parsed.budget).toEqual({ rounds: 3, timeMs: 2_700_000 });
    expect(parsed.protected).toEqual({ frozen: ["loophole.json"], appendOnly: ["tests/**"] });
  });

  it("needs no image on the host runtime, and accepts verifiers without tests", () => {
    const parsed = parseContract(
      contract({ sandbox: { runtime: "host" }, tests: undefined, verifiers: [{ name: "v", run: "true" }] }),
      SOURCE,
    );
    expect(parsed.sandbox.image).toBeUndefined();
    expect(parsed.tests).toBeUndefined();
  });

  it("accepts a byte order mark", () => {
    expect(parseContract(`\uFEFF${contract()}`, SOURCE).goal).toBe("done");
  });
});

describe("contractSha256", () => {
  it("hashes the text as UTF-8, the same as its bytes", () => {
    expect(contractSha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const text = '{"goal": "é"}\n';
    expect(contractSha256(text)).toBe(contractSha256(new TextEncoder().encode(text)));
    expect(contractSha256(text)).not.toBe(contractSha256(text.trim()));
  });
});

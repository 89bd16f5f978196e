import { describe, expect, it } from "vitest";
import { BoundedOutput } from "../core/bounded-output.js";
import type { BoundedResult } from "../core/process.js";
import { CANCELLED, fromBounded, runtimeFailure, sessionExpired } from "./results.js";

function bounded(overrides: Partial<BoundedResult>, text = "out\n"): BoundedResult {
  const output = new BoundedOutput();
  output.push(Buffer.from(text));
  return { exitCode: 0, signal: null, timedOut: false, aborted: false, durationMs: 12, output, ...overrides };
}

describe("fromBounded", () => {
  it("keeps the exit code, output and duration of a finished command", () => {
    expect(fromBounded(bounded({ exitCode: 2 }))).toEqual({
      exitCode: 2,
      timedOut: false,
      durationMs: 12,
      output: "out\n",
      outputBytes: 4,
    });
  });

  it("marks a timeout as timedOut with no exit code, and a cancel as an error", () => {
    expect(fromBounded(bounded({ exitCode: null, signal: "SIGKILL", timedOut: true }))).toMatchObject({
      exitCode: null,
      timedOut: true,
    });
    expect(fromBounded(bounded({ exitCode: null, signal: "SIGKILL", aborted: true }))).toMatchObject({
      exitCode: null,
      timedOut: false,
      error: CANCELLED,
    });
  });

  it("gives a command that killed itself the shell's 128+n", () => {
    expect(fromBounded(bounded({ exitCode: null, signal: "SIGKILL" })).exitCode).toBe(137);
    expect(fromBounded(bounded({ exitCode: null, signal: "SIGTERM" })).exitCode).toBe(143);
  });
});

describe("other results", () => {
  it("keeps partial output of a runtime failure", () => {
    expect(runtimeFailure("engine gone", 5, bounded({}, "partial"))).toEqual({
      exitCode: null,
      timedOut: false,
      durationMs: 5,
      output: "partial",
      outputBytes: 7,
      error: "engine gone",
    });
    expect(sessionExpired()).toMatchObject({ exitCode: null, timedOut: true, durationMs: 0 });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { CapturedResult } from "../core/process.js";
import { GateError } from "../core/errors.js";
import { gitEnvironment, gitFailure } from "./invocation.js";

function result(partial: Partial<CapturedResult>): CapturedResult {
  return {
    exitCode: 0,
    signal: null,
    timedOut: false,
    durationMs: 5,
    stdout: Buffer.alloc(0),
    stderr: "",
    ...partial,
  };
}

describe("gitFailure", () => {
  it("accepts exit 0 and the listed exit codes", () => {
    expect(gitFailure(["status"], result({}))).toBeUndefined();
    expect(gitFailure(["merge-base", "a", "b"], result({ exitCode: 1 }), [1])).toBeUndefined();
  });

  it("names the subcommand, the exit code and the end of stderr", () => {
    const error = gitFailure(
      ["-c", "core.symlinks=true", "rev-parse", "x"],
      result({ exitCode: 128, stderr: "warning: one\n\nfatal: ambiguous argument 'x'\n" }),
    );
    expect(error).toBeInstanceOf(GateError);
    expect(error?.message).toBe(
      "git rev-parse failed (exit 128): warning: one | fatal: ambiguous argument 'x'",
    );
  });

  it("reports timeouts and signals", () => {
    expect(gitFailure(["fetch"], result({ exitCode: null, timedOut: true, durationMs: 900 }))?.message).toBe(
      "git fetch timed out after 900 ms",
    );
    expect(gitFailure(["fetch"], result({ exitCode: null, signal: "SIGKILL" }))?.message).toBe(
      "git fetch failed (signal SIGKILL): (no error output)",
    );
  });
});

describe("gitEnvironment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) Reflect.deleteProperty(process.env, key);
    Object.assign(process.env, saved);
  });

  it("drops variables that redirect git, keeps transport ones, and fixes prompts and locale", () => {
    process.env.GIT_DIR = "/elsewhere";
    process.env.GIT_CONFIG_PARAMETERS = "'diff.renames'='true'";
    process.env.GIT_SSH_COMMAND = "ssh -i key";
    process.env.LC_ALL = "de_DE.UTF-8";
    const env = gitEnvironment({ GIT_INDEX_FILE: "/tmp/index" });
    expect(env.GIT_DIR).toBeUndefined();
    expect(env.GIT_CONFIG_PARAMETERS).toBeUndefined();
    expect(env.GIT_SSH_COMMAND).toBe("ssh -i key");
    expect(env.GIT_INDEX_FILE).toBe("/tmp/index");
    expect(env).toMatchObject({ GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", GIT_OPTIONAL_LOCKS: "0" });
  });
});

/**
 * The offline runner image answers for every runner the cheat matrix uses, with no network.
 */
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { RUNNERS_IMAGE } from "../support/runner-images.js";

describe("runner image", () => {
  it("has every runner, offline, for a non-root user with HOME=/tmp", async () => {
    const script = [
      "python3 -m pytest --version",
      "go version",
      "cargo --version",
      "rustc --version",
      "node --version",
      "jest --version",
      "vitest --version",
      "mocha --version",
      "test -x /opt/runners/node_modules/.bin/tape && echo tape",
      "command -v sleep",
    ].join(" && ");
    const result = await runCaptured(
      "docker",
      [
        "run",
        "--rm",
        "--network",
        "none",
        "--user",
        "1234:1234",
        "--env",
        "HOME=/tmp",
        RUNNERS_IMAGE,
        "/bin/sh",
        "-c",
        `${script} 2>&1`,
      ],
      { timeoutMs: 120_000 },
    );
    const out = result.stdout.toString("utf8");
    expect(result.exitCode, out + result.stderr).toBe(0);
    expect(out).toMatch(/pytest 7\./);
    expect(out).toMatch(/go version go1\.19/);
    expect(out).toMatch(/cargo 1\.\d+/);
    expect(out).toMatch(/^v24\./m);
    expect(out).toMatch(/^30\.5\.2$/m);
    expect(out).toMatch(/vitest\/4\.1\.12/);
    expect(out).toMatch(/^12\.0\.3$/m);
    expect(out).toMatch(/^tape$/m);
    expect(out).toMatch(/\/sleep$/m);
  });
});

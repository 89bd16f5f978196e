/**
 * Ctrl-C on the bundled CLI: the first SIGINT stops the gate, which removes its container and
 * reports `error` (exit 2), never a pass; a second one cleans up at once and exits 128+n.
 */
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir } from "../../src/core/temp-dir.js";
import { LABEL_RUN } from "../../src/sandbox/types.js";
import { baseRepo } from "../gate/gate-fixture.js";

const NODE24 = join(process.cwd(), "node_modules", ".bin", "node");
const CLI = join(process.cwd(), "dist", "cli.js");

/**
 * Starts `check` on a repository whose verifier sleeps, and resolves once the verifier runs.
 * `scratch` is the CLI's LOOPHOLE_TMPDIR, where its clean rooms go.
 */
async function interruptedCheck(
  signals: NodeJS.Signals[],
  scratch: string,
): Promise<{ code: number | null; stdout: string }> {
  const { repo, base } = await baseRepo({ verifiers: [{ name: "slow", run: "sleep 60" }] });
  await using _repo = repo;
  await repo.write("answer.txt", "42\n");
  await repo.commit("fix");
  const child = spawn(NODE24, [CLI, "check", "--repo", repo.dir, "--base", base, "--format", "json"], {
    env: { ...process.env, NO_COLOR: "1", LOOPHOLE_TMPDIR: scratch },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the verifier never started:\n${stderr}`)), 60_000);
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (stderr.includes("… verifier: slow")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  // The container is up (the phase line comes when its command starts).
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const signal of signals) child.kill(signal);
  return { code: await exited, stdout };
}

async function cliContainers(): Promise<string[]> {
  const listed = await runCaptured("docker", ["ps", "--all", "--format", `{{index .Labels "${LABEL_RUN}"}}`]);
  // Only the CLI's runs (run ids `cli-…`); other test files start containers of their own meanwhile.
  return listed.stdout
    .toString("utf8")
    .split("\n")
    .filter((run) => run.startsWith("cli-"));
}

/** Waits (up to 20 s) until `dir` is empty: clean rooms are removed by a detached process. */
async function emptied(dir: string): Promise<string[]> {
  const until = Date.now() + 20_000;
  for (;;) {
    const names = await readdir(dir);
    if (names.length === 0 || Date.now() > until) return names;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the CLI interrupted", () => {
  it("stops on the first SIGINT, removes its container and reports error, not pass", async () => {
    await using scratch = await createTempDir("signals");
    const { code, stdout } = await interruptedCheck(["SIGINT"], scratch.path);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as { outcome: string };
    expect(report.outcome).toBe("error");
    expect(await cliContainers()).toEqual([]);
    expect(await emptied(scratch.path)).toEqual([]);
  });

  it("cleans up at once and exits 143 when SIGTERM follows SIGINT", async () => {
    await using scratch = await createTempDir("signals");
    const { code, stdout } = await interruptedCheck(["SIGINT", "SIGTERM"], scratch.path);
    expect(code, stdout).toBe(143);
    // Whether the stopping gate got to print its report first is a race; it is never a pass.
    expect(stdout).not.toMatch(/"outcome": "pass"/);
    expect(await cliContainers()).toEqual([]);
    // The clean room too, though the second signal does not wait for the gate to unwind.
    expect(await emptied(scratch.path)).toEqual([]);
  });
});

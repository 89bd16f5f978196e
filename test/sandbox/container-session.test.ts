/**
 * One long-lived session per container runtime (Docker and Podman), shared by the tests that do not
 * need a fresh container: output, exit codes, environment, isolation, limits and file ownership.
 */
import { randomBytes } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../../src/core/temp-dir.js";
import { ContainerCli } from "../../src/sandbox/docker.js";
import type { SandboxSession } from "../../src/sandbox/types.js";
import { BUSYBOX_IMAGE } from "../support/images.js";
import { CONTAINER_RUNTIMES } from "../support/runtimes.js";
import { containersOfRun, sessionSpec, uniqueRunId } from "./spec.js";

describe.each(CONTAINER_RUNTIMES)("on %s", (cli) => {
  const runtime = new ContainerCli(cli);
  const runId = uniqueRunId("session");
  const canaryValue = `canary-${randomBytes(8).toString("hex")}`;
  const tokenValue = `ghs_${randomBytes(12).toString("hex")}`;
  const PIDS = 96;
  const MEMORY = 192 * 1024 * 1024;

  let workspace: TempDir;
  let inputs: TempDir;
  let session: SandboxSession;

  beforeAll(async () => {
    // Set before the session starts: the runtime's CLI runs with this process's environment.
    process.env["LOOPHOLE_CANARY_SECRET"] = canaryValue;
    process.env["GITHUB_TOKEN"] = tokenValue;
    workspace = await createTempDir("ws");
    inputs = await createTempDir("inputs");
    await writeFile(join(inputs.path, "input.txt"), "from the host\n");
    await runtime.ping();
    await runtime.ensureImage(BUSYBOX_IMAGE);
    session = await runtime.startSession(
      sessionSpec(workspace.path, runId, {
        env: { CONTRACT_VAR: "from-contract", WITH_SPACES: " a b " },
        mounts: [{ hostPath: inputs.path, containerPath: "/inputs", readonly: true }],
        pids: PIDS,
        memoryBytes: MEMORY,
      }),
    );
  });

  afterAll(async () => {
    await session[Symbol.asyncDispose]();
    delete process.env["LOOPHOLE_CANARY_SECRET"];
    delete process.env["GITHUB_TOKEN"];
    await workspace[Symbol.asyncDispose]();
    await inputs[Symbol.asyncDispose]();
  });

  describe("a container session", () => {
    it("runs a command and captures stdout and stderr", async () => {
      const result = await session.exec("echo hello; echo oops >&2; pwd");
      expect(result).toMatchObject({ exitCode: 0, timedOut: false });
      expect(result.error).toBeUndefined();
      expect(result.output).toContain("hello\n");
      expect(result.output).toContain("oops\n");
      expect(result.output).toContain("/work\n");
      expect(result.outputBytes).toBe(result.output.length);
    });

    it("reports a failing exit code as the command's", async () => {
      const result = await session.exec("echo before; exit 3");
      expect(result).toMatchObject({ exitCode: 3, timedOut: false });
      expect(result.error).toBeUndefined();
      expect(result.output).toContain("before");
    });

    it("streams output live while keeping its own copy", async () => {
      const chunks: Buffer[] = [];
      const result = await session.exec("printf 'one\\ntwo\\n'", { onOutput: (chunk) => chunks.push(chunk) });
      expect(Buffer.concat(chunks).toString("utf8")).toBe("one\ntwo\n");
      expect(result.output).toBe("one\ntwo\n");
    });

    it("keeps a bounded head and tail of 50 MB of output", async () => {
      const result = await session.exec("yes | head -c 52428800");
      expect(result.exitCode).toBe(0);
      expect(result.outputBytes).toBe(52_428_800);
      expect(result.output.length).toBeLessThan(256 * 1024);
      expect(result.output).toMatch(/bytes elided/);
      expect(result.output.startsWith("y\ny\n")).toBe(true);
      expect(result.output.endsWith("y\ny\n")).toBe(true);
    });

    it("passes the contract's environment and nothing of the runner's", async () => {
      const result = await session.exec("env; echo ---; tr '\\0' '\\n' < /proc/1/environ");
      expect(result.exitCode).toBe(0);
      for (const leaked of ["LOOPHOLE_CANARY_SECRET", canaryValue, "GITHUB_TOKEN", tokenValue]) {
        expect(result.output).not.toContain(leaked);
      }
      expect(result.output).toContain("CONTRACT_VAR=from-contract\n");
      expect(result.output).toContain("WITH_SPACES= a b \n");
      expect(result.output).toContain("HOME=/tmp\n");
      // The runner's own variables (its PATH included) stay outside.
      expect(result.output).not.toContain(`PATH=${process.env["PATH"] ?? "<unset>"}\n`);
    });

    it("adds per-command variables for that command only, and removes their env file", async () => {
      const value = `per-command-${randomBytes(6).toString("hex")}`;
      const first = await session.exec('echo "got=$PER_COMMAND"', { env: { PER_COMMAND: value } });
      expect(first.output).toContain(`got=${value}`);
      const second = await session.exec('echo "got=$PER_COMMAND"');
      expect(second.output).toContain("got=\n");
      expect(await envFilesContaining(value)).toEqual([]);
    });

    it("has no network but loopback", async () => {
      const result = await session.exec(
        "cat /proc/net/dev; wget -q -T 2 -O /dev/null http://1.1.1.1/ && echo REACHED",
      );
      const interfaces = result.output
        .split("\n")
        .filter((line) => line.includes(":") && !line.includes("|"))
        .map((line) => line.split(":")[0]?.trim());
      expect(interfaces).toEqual(["lo"]);
      expect(result.output).not.toContain("REACHED");
    });

    it("runs as the runner's uid and gid, without capabilities or privilege gain", async () => {
      const result = await session.exec("id -u; id -g; grep -E '^(CapEff|NoNewPrivs)' /proc/self/status");
      const [uid, gid] = result.output.split("\n");
      expect(Number(uid)).toBe(process.getuid?.());
      expect(Number(gid)).toBe(process.getgid?.());
      expect(result.output).toMatch(/CapEff:\s+0000000000000000/);
      expect(result.output).toMatch(/NoNewPrivs:\s+1/);
    });

    it("applies the pids and memory limits", async () => {
      const limits = await session.exec(
        "cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max; " +
          "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes",
      );
      expect(limits.output.split("\n").slice(0, 2)).toEqual([String(PIDS), String(MEMORY)]);
      // Cheap and safe: more short sleeps than the pids limit allows; the extra forks fail.
      // The subshell gives up at the first failed fork; the outer shell outlives the sleeps.
      const forks = await session.exec("(for i in $(seq 150); do sleep 1 & done) 2>&1; sleep 1; echo done");
      expect(forks.output).toMatch(/can't fork|resource temporarily unavailable/i);
      expect(forks.output).toContain("done");
    });

    it("leaves files written in the workspace owned by the runner", async () => {
      const result = await session.exec("echo data > out.txt && mkdir -p sub && touch sub/inner");
      expect(result.exitCode).toBe(0);
      for (const path of ["out.txt", "sub", "sub/inner"]) {
        const info = await stat(join(workspace.path, path));
        expect(info.uid).toBe(process.getuid?.());
        expect(info.gid).toBe(process.getgid?.());
      }
      expect(await readFile(join(workspace.path, "out.txt"), "utf8")).toBe("data\n");
    });

    it("mounts extra directories read-only, and gives a writable HOME", async () => {
      const result = await session.exec(
        "cat /inputs/input.txt; touch /inputs/new 2>/dev/null && echo WROTE-INPUTS; touch $HOME/h && echo home-ok",
      );
      expect(result.output).toContain("from the host");
      expect(result.output).not.toContain("WROTE-INPUTS");
      expect(result.output).toContain("home-ok");
    });

    it("labels its container with the run and this process", async () => {
      const ids = await containersOfRun(runId, cli);
      expect(ids).toHaveLength(1);
      expect(session.containersStarted).toBe(1);
    });
  });
});

/** Env files under any loophole-env-* temp dir that still hold `value`. */
async function envFilesContaining(value: string): Promise<string[]> {
  const found: string[] = [];
  for (const dir of (await readdir(tmpdir())).filter((name) => name.startsWith("loophole-env-"))) {
    const files = await readdir(join(tmpdir(), dir)).catch(() => []);
    for (const file of files) {
      const text = await readFile(join(tmpdir(), dir, file), "utf8").catch(() => "");
      if (text.includes(value)) found.push(join(dir, file));
    }
  }
  return found;
}

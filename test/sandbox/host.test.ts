/** The host runtime (explicit opt-in): real processes, restricted environment, process-group kills. */
import { randomBytes } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDir, type TempDir } from "../../src/core/temp-dir.js";
import { BufferedLogger } from "../../src/core/logger.js";
import { pendingCleanups, runPendingCleanups } from "../../src/sandbox/cleanup.js";
import { HostRuntime } from "../../src/sandbox/host.js";
import { createRuntime } from "../../src/sandbox/select.js";
import { sessionSpec, uniqueRunId } from "./spec.js";

const runtime = new HostRuntime();
let workspace: TempDir;

beforeEach(async () => {
  workspace = await createTempDir("host-ws");
});

afterEach(async () => {
  await workspace[Symbol.asyncDispose]();
});

describe("HostRuntime", () => {
  it("is what createRuntime gives for host, with host paths and no image", async () => {
    expect(createRuntime("host")).toBeInstanceOf(HostRuntime);
    expect(createRuntime("docker").kind).toBe("docker");
    expect(createRuntime("podman").kind).toBe("podman");
    expect(runtime.hostPaths).toBe(true);
    await runtime.ping();
    expect(await runtime.ensureImage("anything")).toEqual({ reference: "host", id: "host" });
  });

  it("runs commands in the workspace and reports exit codes", async () => {
    await using session = await runtime.startSession(sessionSpec(workspace.path, uniqueRunId("host")));
    const ok = await session.exec("pwd; echo out; echo err >&2; echo x > file.txt");
    expect(ok).toMatchObject({ exitCode: 0, timedOut: false });
    expect(ok.output).toContain(`${workspace.path}\n`);
    expect(ok.output).toContain("err\n");
    expect(await readFile(join(workspace.path, "file.txt"), "utf8")).toBe("x\n");
    expect((await session.exec("exit 4")).exitCode).toBe(4);
  });

  it("passes only the contract's environment, PATH and a private HOME", async () => {
    const canary = `canary-${randomBytes(8).toString("hex")}`;
    process.env["LOOPHOLE_CANARY_SECRET"] = canary;
    try {
      const spec = sessionSpec(workspace.path, uniqueRunId("host-env"), { env: { CONTRACT_VAR: "yes" } });
      let home: string;
      {
        await using session = await runtime.startSession(spec);
        const result = await session.exec("env", { env: { PER_COMMAND: "1" } });
        expect(result.output).not.toContain("LOOPHOLE_CANARY_SECRET");
        expect(result.output).not.toContain(canary);
        expect(result.output).toContain("CONTRACT_VAR=yes\n");
        expect(result.output).toContain("PER_COMMAND=1\n");
        expect(result.output).toContain(`PATH=${process.env["PATH"] ?? ""}\n`);
        const names = result.output
          .split("\n")
          .filter((line) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(line))
          .map((line) => line.slice(0, line.indexOf("=")));
        // The shell adds PWD, SHLVL and "_" itself; nothing else comes from this process.
        expect(names.filter((name) => !["PWD", "SHLVL", "_", "OLDPWD"].includes(name)).sort()).toEqual([
          "CONTRACT_VAR",
          "HOME",
          "PATH",
          "PER_COMMAND",
        ]);
        home = /^HOME=(.*)$/m.exec(result.output)?.[1] ?? "";
        expect(home).not.toBe(process.env["HOME"]);
        expect((await stat(home)).isDirectory()).toBe(true);
      }
      // The private HOME goes with the session.
      await expect(stat(home)).rejects.toThrow(/ENOENT/);
    } finally {
      delete process.env["LOOPHOLE_CANARY_SECRET"];
    }
  });

  it("kills the command's whole process group at its timeout", async () => {
    await using session = await runtime.startSession(
      sessionSpec(workspace.path, uniqueRunId("host-timeout")),
    );
    const result = await session.exec("sleep 30 & echo $! > child.pid; wait", { timeoutMs: 500 });
    expect(result).toMatchObject({ exitCode: null, timedOut: true });
    expect(result.durationMs).toBeLessThan(10_000);
    const child = Number(await readFile(join(workspace.path, "child.pid"), "utf8"));
    expect(await processGone(child)).toBe(true);
  });

  it("kills running commands when the session is disposed or cancelled", async () => {
    const session = await runtime.startSession(sessionSpec(workspace.path, uniqueRunId("host-dispose")));
    const controller = new AbortController();
    const cancelled = session.exec("sleep 30", { signal: controller.signal });
    const running = session.exec("sleep 30 & echo $! > child.pid; wait");
    await waitFor(
      async () => (await readFile(join(workspace.path, "child.pid"), "utf8").catch(() => "")) !== "",
    );
    controller.abort();
    expect(await cancelled).toMatchObject({ exitCode: null, timedOut: false, error: "cancelled" });
    await session[Symbol.asyncDispose]();
    expect((await running).exitCode).toBeNull();
    const child = Number(await readFile(join(workspace.path, "child.pid"), "utf8"));
    expect(await processGone(child)).toBe(true);
  });

  it("stops its commands and removes its HOME when a terminating signal empties the registry", async () => {
    const runId = uniqueRunId("host-signal");
    const session = await runtime.startSession(sessionSpec(workspace.path, runId));
    const home = (await session.exec('printf %s "$HOME"')).output;
    expect((await stat(home)).isDirectory()).toBe(true);
    const entry = pendingCleanups().find((what) => what.includes(workspace.path));
    expect(entry).toContain(home);
    const running = session.exec("sleep 30");
    expect(await runPendingCleanups(new BufferedLogger())).toBeGreaterThan(0);
    expect((await running).exitCode).toBeNull();
    await expect(stat(home)).rejects.toMatchObject({ code: "ENOENT" });
    // Disposing afterwards (the normal unwinding, when there is one) is harmless.
    await session[Symbol.asyncDispose]();
    expect(pendingCleanups()).not.toContain(entry);
  });
});

/** True once `pid` no longer exists (a killed child is reaped by init shortly after). */
async function processGone(pid: number): Promise<boolean> {
  return waitFor(async () => {
    try {
      process.kill(pid, 0);
      const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
      return /^State:\s+Z/m.test(status);
    } catch {
      return true;
    }
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

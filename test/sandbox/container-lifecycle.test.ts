/**
 * Container lifecycle on the real Docker engine and on Podman: time limits, cancellation,
 * replacement containers, removal on dispose, by label and on a terminating signal, and the
 * runtime's errors.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GateError } from "../../src/core/errors.js";
import { RecordingLogger } from "../../src/core/logger.js";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir, type TempDir } from "../../src/core/temp-dir.js";
import { onTerminatingSignal, pendingCleanups } from "../../src/sandbox/cleanup.js";
import { ContainerCli } from "../../src/sandbox/docker.js";
import { LABEL_PID, LABEL_RUN } from "../../src/sandbox/types.js";
import { BUSYBOX_IMAGE } from "../support/images.js";
import { CONTAINER_RUNTIMES } from "../support/runtimes.js";
import type { ContainerBinary } from "../../src/sandbox/cleanup.js";
import { containersOfRun, sessionSpec, uniqueRunId } from "./spec.js";

let workspace: TempDir;

beforeEach(async () => {
  workspace = await createTempDir("ws");
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await workspace[Symbol.asyncDispose]();
});

describe.each(CONTAINER_RUNTIMES)("on %s", (cli) => {
  const runtime = new ContainerCli(cli);

  describe("time limits and cancellation", () => {
    it("kills a command past its timeout, removes its container, and starts a fresh one next", async () => {
      const runId = uniqueRunId("timeout");
      await using session = await runtime.startSession(sessionSpec(workspace.path, runId));
      expect((await session.exec("echo kept > kept.txt")).exitCode).toBe(0);

      const timedOut = await session.exec("echo started; sleep 30", { timeoutMs: 1_000 });
      expect(timedOut).toMatchObject({ exitCode: null, timedOut: true });
      expect(timedOut.error).toBeUndefined();
      expect(timedOut.durationMs).toBeGreaterThanOrEqual(900);
      expect(timedOut.durationMs).toBeLessThan(10_000);
      expect(timedOut.output).toContain("started");
      expect(await containersOfRun(runId, cli)).toEqual([]);

      const again = await session.exec("cat kept.txt");
      expect(again).toMatchObject({ exitCode: 0, timedOut: false });
      expect(again.output).toBe("kept\n");
      expect(session.containersStarted).toBe(2);
      expect(await containersOfRun(runId, cli)).toHaveLength(1);

      await session[Symbol.asyncDispose]();
      expect(await containersOfRun(runId, cli)).toEqual([]);
    });

    it("stops commands at the session's overall limit, and starts none after it", async () => {
      const runId = uniqueRunId("session-limit");
      await using session = await runtime.startSession(
        sessionSpec(workspace.path, runId, { timeoutMs: 2_000 }),
      );
      const first = await session.exec("sleep 30", { timeoutMs: 60_000 });
      expect(first).toMatchObject({ exitCode: null, timedOut: true });
      expect(first.durationMs).toBeLessThan(10_000);
      const after = await session.exec("echo too late > late.txt");
      expect(after).toMatchObject({ exitCode: null, timedOut: true, durationMs: 0 });
      await expect(readFile(join(workspace.path, "late.txt"))).rejects.toThrow(/ENOENT/);
    });

    it("cancels a command through its AbortSignal and removes the container", async () => {
      const runId = uniqueRunId("abort");
      await using session = await runtime.startSession(sessionSpec(workspace.path, runId));
      // Already cancelled: nothing runs and the container is left alone.
      const early = await session.exec("touch early.txt", { signal: AbortSignal.abort() });
      expect(early).toMatchObject({ exitCode: null, error: "cancelled", durationMs: 0 });
      expect(await containersOfRun(runId, cli)).toHaveLength(1);
      await expect(readFile(join(workspace.path, "early.txt"))).rejects.toThrow(/ENOENT/);

      const controller = new AbortController();
      setTimeout(() => {
        controller.abort();
      }, 500);
      const result = await session.exec("sleep 30", { signal: controller.signal });
      expect(result).toMatchObject({ exitCode: null, timedOut: false, error: "cancelled" });
      expect(result.durationMs).toBeLessThan(10_000);
      expect(await containersOfRun(runId, cli)).toEqual([]);
    });

    it("reports a container that vanished mid-command as a runtime error", async () => {
      const runId = uniqueRunId("vanish");
      await using session = await runtime.startSession(sessionSpec(workspace.path, runId));
      const running = session.exec("sleep 30");
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [id] = await containersOfRun(runId, cli);
      await runCaptured(cli, ["rm", "--force", id ?? "<none>"]);
      const result = await running;
      expect(result.exitCode).toBeNull();
      expect(result.error).toMatch(/ended while the command ran/);
      // The next command gets a new container.
      expect((await session.exec("true")).exitCode).toBe(0);
      expect(session.containersStarted).toBe(2);
    });
  });

  describe("cleanup", () => {
    it("removeLabelled removes leftover containers of a run, and only those", async () => {
      const runId = uniqueRunId("leftover");
      const otherRunId = uniqueRunId("other");
      const start = (run: string) =>
        runCaptured(cli, [
          "run",
          "-d",
          "--label",
          `${LABEL_RUN}=${run}`,
          "--entrypoint",
          "/bin/sh",
          BUSYBOX_IMAGE,
          "-c",
          "sleep 60",
        ]);
      expect((await start(runId)).exitCode).toBe(0);
      expect((await start(runId)).exitCode).toBe(0);
      expect((await start(otherRunId)).exitCode).toBe(0);
      try {
        expect(await runtime.removeLabelled(LABEL_RUN, runId)).toBe(2);
        expect(await containersOfRun(runId, cli)).toEqual([]);
        expect(await containersOfRun(otherRunId, cli)).toHaveLength(1);
        expect(await runtime.removeLabelled(LABEL_RUN, runId)).toBe(0);
      } finally {
        await runtime.removeLabelled(LABEL_RUN, otherRunId);
      }
    });

    it("labels containers with the pid of this process", async () => {
      const runId = uniqueRunId("pid");
      await using _session = await runtime.startSession(sessionSpec(workspace.path, runId));
      const [id] = await containersOfRun(runId, cli);
      const inspected = await runCaptured(cli, [
        "inspect",
        "--format",
        `{{index .Config.Labels "${LABEL_PID}"}}`,
        id ?? "",
      ]);
      expect(inspected.stdout.toString("utf8").trim()).toBe(String(process.pid));
    });

    it("removes live containers on a terminating signal, then exits with 128+n", async () => {
      const runId = uniqueRunId("signal");
      const session = await runtime.startSession(sessionSpec(workspace.path, runId));
      expect(pendingCleanups().some((what) => what.includes(runId))).toBe(true);
      const envDir = pendingCleanups()
        .find((what) => what.startsWith("env files "))
        ?.slice("env files ".length);
      expect(envDir !== undefined && existsSync(envDir)).toBe(true);
      const exits: number[] = [];
      const logger = new RecordingLogger();
      await onTerminatingSignal("SIGTERM", logger, (code) => exits.push(code));
      expect(exits).toEqual([143]);
      expect(await containersOfRun(runId, cli)).toEqual([]);
      expect(logger.text()).toMatch(/SIGTERM: removing \d+ sandbox resource/);
      // The session's env files (an executor's secrets, while a command starts) go too.
      expect(existsSync(envDir ?? "")).toBe(false);
      // Disposing afterwards copes with the container being gone already.
      await session[Symbol.asyncDispose]();
      expect(pendingCleanups().some((what) => what.includes(runId))).toBe(false);
    });
  });

  describe("runtime errors", () => {
    it("names a missing image that cannot be pulled", async () => {
      const image = "localhost:1/loophole-test/does-not-exist:0";
      const error: unknown = await runtime.ensureImage(image).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GateError);
      expect(String(error)).toContain(image);
      expect(String(error)).toMatch(/could not be pulled/);
    });

    it("returns the id of a present image", async () => {
      const info = await runtime.ensureImage(BUSYBOX_IMAGE);
      expect(info.reference).toBe(BUSYBOX_IMAGE);
      expect(info.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    });

    // Allowlists work now (test/egress); what remains an error is an entry that is not a host.
    it("refuses a malformed network allowlist entry, leaving nothing behind", async () => {
      const runId = uniqueRunId("network");
      const spec = sessionSpec(workspace.path, runId, { network: ["https://packages.example.org/simple"] });
      await expect(runtime.startSession(spec)).rejects.toThrow(/not a network allowlist entry/);
      expect(await containersOfRun(runId, cli)).toEqual([]);
    });

    it("fails to start a session on an image without /bin/sh, leaving nothing behind", async () => {
      const runId = uniqueRunId("no-shell");
      const image = await shellLessImage(cli);
      const error: unknown = await runtime
        .startSession(sessionSpec(workspace.path, runId, { image }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GateError);
      expect(String(error)).toContain(image);
      expect(await containersOfRun(runId, cli)).toEqual([]);
    });
  });
});

describe("a Docker engine that does not answer", () => {
  it("says how to get a runtime when the engine does not answer", async () => {
    vi.stubEnv("DOCKER_HOST", "unix:///nonexistent/docker.sock");
    const error: unknown = await new ContainerCli("docker").ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateError);
    expect(String(error)).toMatch(/does not answer/);
    expect(String(error)).toMatch(/--runtime host/);
  });
});

/** An image whose only file is not a shell: built from the busybox image's /etc (no builder needed). */
async function shellLessImage(cli: ContainerBinary): Promise<string> {
  const name = "loophole-test/no-shell:1";
  const exists = await runCaptured(cli, ["image", "inspect", name]);
  if (exists.exitCode === 0) return name;
  await using dir = await createTempDir("no-shell");
  await runCaptured("sh", [
    "-c",
    `mkdir -p ${dir.path}/root/etc && echo x > ${dir.path}/root/etc/hostname && tar -C ${dir.path}/root -cf ${dir.path}/root.tar .`,
  ]);
  const imported = await runCaptured(cli, ["import", `${dir.path}/root.tar`, name]);
  if (imported.exitCode !== 0) throw new Error(imported.stderr);
  return name;
}

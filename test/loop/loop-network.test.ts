import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { LABEL_RUN } from "../../src/sandbox/types.js";
import { loop, taskRepo } from "./loop-fixture.js";

describe("task mode: the executor's network and cancellation", () => {
  it("reaches an allowed host through the proxy, is refused elsewhere, and both are in the report", async () => {
    const server = createServer((_req, res) => res.end("hello from the allowed host"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const allowed = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await using repo = await taskRepo("sh agent/network.sh", {
        rounds: 1,
        network: [allowed],
        env: { ALLOWED: allowed },
      });
      const result = await loop(repo);
      const show = (path: string): Promise<string> => repo.git("show", `loophole/test:${path}`);
      expect(await show("allowed.txt")).toContain("hello from the allowed host");
      expect(await show("denied.txt")).toMatch(/^HTTP\/1\.[01] 403/);
      expect(await show("direct.txt")).not.toContain("direct exit 0");
      const network = result.report.task?.network;
      expect(network?.allowed.map((e) => `${e.host}:${e.port}`)).toEqual([allowed]);
      expect(network?.denied.map((e) => e.host)).toEqual(["denied.example"]);
    } finally {
      server.close();
    }
  });

  it("a cancelled run leaves no container, no network and no half-written commit", async () => {
    await using repo = await taskRepo("sh agent/hang.sh", { rounds: 3 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 3000);
    const { runLoop } = await import("../../src/loop/run-loop.js");
    const { RecordingLogger } = await import("../../src/core/logger.js");
    const runId = `loop-cancel-${process.pid}`;
    const result = await runLoop(
      {
        repoDir: repo.dir,
        base: "main",
        branch: "loophole/cancelled",
        task: "t",
        contractPath: "loophole.json",
        runId,
        env: {},
        signal: controller.signal,
      },
      { logger: new RecordingLogger() },
    );
    expect(result.stopReason).toBe("cancelled");
    expect(await repo.git("rev-parse", "loophole/cancelled")).toBe(await repo.git("rev-parse", "main"));
    const containers = await runCaptured("docker", ["ps", "-aq", "--filter", `label=${LABEL_RUN}=${runId}`]);
    expect(containers.stdout.toString().trim()).toBe("");
    const networks = await runCaptured("docker", [
      "network",
      "ls",
      "-q",
      "--filter",
      `label=${LABEL_RUN}=${runId}`,
    ]);
    expect(networks.stdout.toString().trim()).toBe("");
  });
});

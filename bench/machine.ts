/**
 * What the figures were measured on, and how busy the machine was: other Docker-heavy work on the
 * same host moves every timing here, so the load is printed with the table and the bench can wait
 * for a quiet moment.
 */
import { cpus, loadavg, release, totalmem } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { LABEL_RUN } from "../src/sandbox/types.js";
import { REPO_ROOT } from "./paths.js";
import { run } from "./timing.js";

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  docker: string;
  node: string;
  commit: string;
  /** The working tree differs from the commit (files the bench does not own may be mid-edit). */
  dirty: boolean;
}

export async function describeMachine(node: string): Promise<Machine> {
  const docker = (await run("docker", ["version", "--format", "{{.Server.Version}}"])).trim();
  const commit = (await run("git", ["-C", REPO_ROOT, "rev-parse", "--short=12", "HEAD"])).trim();
  const status = await run("git", ["-C", REPO_ROOT, "status", "--porcelain", "--untracked-files=no"]);
  const nodeVersion = (await run(node, ["--version"])).trim();
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    kernel: release(),
    docker,
    node: nodeVersion,
    commit,
    dirty: status.trim() !== "",
  };
}

export function formatMachine(m: Machine): string {
  return [
    `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, kernel ${m.kernel}, Docker ${m.docker}, Node ${m.node}`,
    `commit ${m.commit}${m.dirty ? " with uncommitted changes in the working tree" : ""}`,
  ].join("\n");
}

export interface Load {
  load1: number;
  /** Containers of anything, and of loophole runs (other gates, the integration tests). */
  containers: number;
  loopholeContainers: number;
}

export async function currentLoad(): Promise<Load> {
  const all = (await run("docker", ["ps", "--quiet"])).trim();
  const ours = (await run("docker", ["ps", "--quiet", "--filter", `label=${LABEL_RUN}`])).trim();
  const count = (text: string): number => (text === "" ? 0 : text.split("\n").length);
  return { load1: loadavg()[0] ?? 0, containers: count(all), loopholeContainers: count(ours) };
}

export function formatLoad(load: Load): string {
  return `load average (1 min) ${load.load1.toFixed(2)}, ${load.containers} containers running (${load.loopholeContainers} of loophole runs)`;
}

export function isQuiet(load: Load, maxLoad: number): boolean {
  return load.load1 < maxLoad && load.containers === 0;
}

/**
 * Waits until the 1-minute load is below `maxLoad` and no container runs, checking every 15 s, for
 * at most `timeoutMs`. Returns the last load seen, quiet or not: the table says which it was.
 */
export async function waitForQuiet(
  maxLoad: number,
  timeoutMs: number,
  say: (line: string) => void,
): Promise<Load> {
  const deadline = Date.now() + timeoutMs;
  let load = await currentLoad();
  while (!isQuiet(load, maxLoad) && Date.now() < deadline) {
    say(`waiting for a quiet machine: ${formatLoad(load)}`);
    await sleep(15_000);
    load = await currentLoad();
  }
  return load;
}

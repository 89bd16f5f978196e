import { describe, expect, it } from "vitest";
import { GateError } from "../core/errors.js";
import {
  bindMount,
  buildExecArgs,
  buildRunArgs,
  checkImageReference,
  clampCpus,
  containerName,
  type RunArgsInput,
} from "./container-args.js";

const input: RunArgsInput = {
  name: "loophole-r1-1",
  spec: {
    image: "example/image:1",
    workspace: "/tmp/ws",
    workdir: "/work",
    mounts: [{ hostPath: "/tmp/reports", containerPath: "/reports", readonly: true }],
    cpus: 1.5,
    memoryBytes: 512 * 1024 * 1024,
    pids: 256,
  },
  labels: { "dev.loophole.run": "r1", "dev.loophole.pid": "42" },
  envFile: "/tmp/private/a.env",
  user: { uid: 1001, gid: 121 },
  sleepSeconds: 90.2,
};

/** The value following `flag` (every occurrence). */
function values(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1] ?? "<missing>"] : []));
}

describe("buildRunArgs", () => {
  const args = buildRunArgs(input);

  it("isolates the container: no network, no capabilities, no privilege gain", () => {
    expect(values(args, "--network")).toEqual(["none"]);
    expect(values(args, "--cap-drop")).toEqual(["ALL"]);
    expect(values(args, "--security-opt")).toEqual(["no-new-privileges"]);
    expect(args).toContain("--init");
    expect(values(args, "--pull")).toEqual(["never"]);
  });

  it("limits pids, memory without swap, and cpus", () => {
    expect(values(args, "--pids-limit")).toEqual(["256"]);
    expect(values(args, "--memory")).toEqual(["536870912"]);
    expect(values(args, "--memory-swap")).toEqual(["536870912"]);
    expect(values(args, "--cpus")).toEqual(["1.5"]);
  });

  it("runs as the runner's user with a writable /tmp", () => {
    expect(values(args, "--user")).toEqual(["1001:121"]);
    expect(values(args, "--tmpfs")[0]).toMatch(/^\/tmp:rw,exec,/);
  });

  it("omits --user when there is no uid to match", () => {
    expect(buildRunArgs({ ...input, user: undefined })).not.toContain("--user");
  });

  it("mounts the workspace at workdir and extra mounts read-only when asked", () => {
    expect(values(args, "--mount")).toEqual([
      "type=bind,source=/tmp/ws,target=/work",
      "type=bind,source=/tmp/reports,target=/reports,readonly",
    ]);
    expect(values(args, "--workdir")).toEqual(["/work"]);
  });

  it("defaults an empty workdir to /work", () => {
    const built = buildRunArgs({ ...input, spec: { ...input.spec, workdir: "" } });
    expect(values(built, "--workdir")).toEqual(["/work"]);
  });

  it("passes environment only through the env file", () => {
    expect(values(args, "--env-file")).toEqual(["/tmp/private/a.env"]);
    expect(args).not.toContain("-e");
    expect(args).not.toContain("--env");
  });

  it("labels the container and names it", () => {
    expect(values(args, "--label")).toEqual(["dev.loophole.pid=42", "dev.loophole.run=r1"]);
    expect(values(args, "--name")).toEqual(["loophole-r1-1"]);
  });

  it("ends with a shell sleeping a little past the session limit", () => {
    expect(args.slice(-4)).toEqual(["/bin/sh", "example/image:1", "-c", "sleep 91"]);
    expect(values(args, "--entrypoint")).toEqual(["/bin/sh"]);
  });

  it("joins the egress network with a DNS server that answers nothing, keeping every other limit", () => {
    const withEgress = buildRunArgs({
      ...input,
      egress: { network: "loophole-r1-net-abc", dns: "127.0.0.1" },
    });
    expect(values(withEgress, "--network")).toEqual(["loophole-r1-net-abc"]);
    expect(values(withEgress, "--dns")).toEqual(["127.0.0.1"]);
    expect(values(withEgress, "--cap-drop")).toEqual(["ALL"]);
    expect(values(withEgress, "--security-opt")).toEqual(["no-new-privileges"]);
    // Everything else is the same list: only the network pair changes and --dns is added.
    const networkAt = args.indexOf("--network");
    const expected = [
      ...args.slice(0, networkAt),
      ...["--network", "loophole-r1-net-abc", "--dns", "127.0.0.1"],
      ...args.slice(networkAt + 2),
    ];
    expect(withEgress).toEqual(expected);
  });

  it("passes no --dns without egress", () => {
    expect(args).not.toContain("--dns");
  });

  it("refuses an image reference that would read as a flag", () => {
    expect(() => buildRunArgs({ ...input, spec: { ...input.spec, image: "--privileged" } })).toThrow(
      GateError,
    );
  });
});

describe("buildExecArgs", () => {
  it("runs the command through /bin/sh in workdir, with an env file when given", () => {
    expect(buildExecArgs({ name: "c", workdir: "/w", envFile: "/p/e.env", command: "echo hi" })).toEqual([
      "exec",
      "--interactive",
      "--env-file",
      "/p/e.env",
      "--workdir",
      "/w",
      "c",
      "/bin/sh",
      "-c",
      "echo hi",
    ]);
    expect(buildExecArgs({ name: "c", workdir: "/w", envFile: undefined, command: "x" })).not.toContain(
      "--env-file",
    );
  });
});

describe("bindMount", () => {
  it("refuses relative paths and paths with commas", () => {
    expect(() => bindMount({ hostPath: "rel", containerPath: "/x", readonly: false })).toThrow(GateError);
    expect(() => bindMount({ hostPath: "/a,readonly=false", containerPath: "/x", readonly: true })).toThrow(
      /commas/,
    );
    expect(() => bindMount({ hostPath: "/a", containerPath: "/x\n", readonly: true })).toThrow(GateError);
  });
});

describe("containerName", () => {
  it("keeps only characters container names allow", () => {
    expect(containerName("123/4 attempt:1", 7)).toBe("loophole-123-4-attempt-1-7");
    expect(containerName("", 1)).toBe("loophole-run-1");
  });
});

describe("checkImageReference and clampCpus", () => {
  it("accepts ordinary references", () => {
    expect(checkImageReference("images.example.com/o/i@sha256:abc")).toBe(
      "images.example.com/o/i@sha256:abc",
    );
    expect(() => checkImageReference("a b")).toThrow(GateError);
    expect(() => checkImageReference("")).toThrow(GateError);
  });

  it("lowers cpus to what the engine has, and leaves them when unknown", () => {
    expect(clampCpus(4, 2)).toBe(2);
    expect(clampCpus(1, 2)).toBe(1);
    expect(clampCpus(4, undefined)).toBe(4);
  });
});

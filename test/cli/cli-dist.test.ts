import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir } from "../../src/core/temp-dir.js";
import { LABEL_RUN } from "../../src/sandbox/types.js";
import { baseRepo } from "../gate/gate-fixture.js";
import type { TestRepo } from "../support/git-repo.js";

const NODE24 = join(process.cwd(), "node_modules", ".bin", "node");
const CLI = join(process.cwd(), "dist", "cli.js");

async function cli(
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const result = await runCaptured(NODE24, [CLI, ...args], {
    cwd,
    timeoutMs: 300_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.exitCode, stdout: result.stdout.toString("utf8"), stderr: result.stderr };
}

/** The gate fixture's repository with a `base-branch` and, on top of it, the honest fix. */
async function fixedRepo(): Promise<TestRepo> {
  const { repo, base } = await baseRepo({});
  try {
    await repo.git("branch", "base-branch", base);
    await repo.write("answer.txt", "42\n");
    await repo.commit("fix");
    return repo;
  } catch (error) {
    await repo[Symbol.asyncDispose]();
    throw error;
  }
}

describe("the bundled CLI", () => {
  it("check exits 0 on pass, 1 on fail, 2 on error, and writes the JSON report", async () => {
    await using repo = await fixedRepo();
    const pass = await cli([
      "check",
      "--repo",
      repo.dir,
      "--base",
      "base-branch",
      "--json",
      join(repo.dir, "..", `${process.pid}-report.json`),
    ]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain("PASS");
    const json = JSON.parse(await readFile(join(repo.dir, "..", `${process.pid}-report.json`), "utf8")) as {
      outcome: string;
    };
    expect(json.outcome).toBe("pass");

    await repo.write("frozen/config.txt", "edited\n");
    await repo.commit("edit frozen");
    const fail = await cli(["check", "--base", "base-branch", "--format", "json"], repo.dir);
    expect(fail.code).toBe(1);
    expect((JSON.parse(fail.stdout) as { outcome: string }).outcome).toBe("fail");

    const error = await cli(["check", "--repo", repo.dir, "--base", "no-such-ref"]);
    expect(error.code).toBe(2);
    expect(error.stdout).toContain("no-such-ref");
    expect(error.stdout).toContain("ERROR");
  });

  it("check runs the same gate on Podman with --runtime podman, and leaves no container", async () => {
    await using repo = await fixedRepo();
    const onPodman = [
      "check",
      "--repo",
      repo.dir,
      "--base",
      "base-branch",
      "--runtime",
      "podman",
      "--format",
      "json",
    ];
    const pass = await cli(onPodman);
    const passed = JSON.parse(pass.stdout) as {
      outcome: string;
      verifiers: { status: string }[];
      provenance: { runtime: string; containersStarted: number };
    };
    expect(pass.code, pass.stdout).toBe(0);
    expect(passed.outcome).toBe("pass");
    expect(passed.verifiers.map((v) => v.status)).toEqual(["pass"]);
    expect(passed.provenance).toMatchObject({ runtime: "podman", containersStarted: 1 });

    // A frozen file edited and the answer broken: both must show, from containers Podman ran.
    await repo.write("frozen/config.txt", "edited\n");
    await repo.write("answer.txt", "41\n");
    await repo.commit("edit frozen, break the answer");
    const fail = await cli(onPodman);
    const failed = JSON.parse(fail.stdout) as { outcome: string; findings: { kind: string }[] };
    expect(fail.code).toBe(1);
    expect(failed.outcome).toBe("fail");
    expect(failed.findings.map((f) => f.kind).sort()).toEqual(["protected-path", "verifier-failed"]);

    // Only the CLI's runs (run ids `cli-…`): other test files use Podman at the same time.
    const left = await runCaptured("podman", ["ps", "--all", "--format", `{{index .Labels "${LABEL_RUN}"}}`]);
    expect(left.exitCode).toBe(0);
    const runs = left.stdout.toString("utf8").split("\n");
    expect(runs.filter((run) => run.startsWith("cli-"))).toEqual([]);
  });

  it("validate points at the broken field; init writes a contract that validates", async () => {
    await using dir = await createTempDir("cli-validate");
    await writeFile(
      join(dir.path, "loophole.json"),
      '{\n  "version": 1,\n  "goal": "g",\n  "verifiers": [{ "name": "t", "run": "true" }],\n  "sandbox": { "image": "x", "memory": "4 gigs" }\n}\n',
    );
    const bad = await cli(["validate"], dir.path);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\/sandbox\/memory \(line 5, column \d+\)/);

    await writeFile(
      join(dir.path, "package.json"),
      JSON.stringify({ name: "x", scripts: { test: "vitest run" }, devDependencies: { vitest: "^3.0.0" } }),
    );
    const refused = await cli(["init"], dir.path);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    const init = await cli(["init", "--force"], dir.path);
    expect(init.code).toBe(0);
    const good = await cli(["validate", dir.path]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("valid");
    expect(good.stdout).toContain("vitest");
  });

  it("init builds on committed files, not on what git ignores", async () => {
    await using dir = await createTempDir("cli-init-ignored");
    await writeFile(join(dir.path, "Cargo.toml"), '[package]\nname = "demo"\n');
    await writeFile(join(dir.path, "Cargo.lock"), "# generated\n");
    await writeFile(join(dir.path, ".gitignore"), "/Cargo.lock\n");
    const printed = async (): Promise<string> => {
      const init = await cli(["init", "--stdout"], dir.path);
      expect(init.code, init.stderr).toBe(0);
      return init.stdout;
    };
    // Not a repository yet: every file counts.
    expect(await printed()).toContain("cargo fetch --locked");
    expect((await runCaptured("git", ["init", "-q", dir.path])).exitCode).toBe(0);
    expect(await printed()).not.toContain("cargo fetch --locked");
  });

  it("demo rejects the naive and the early-exit agents and accepts the honest fix", async () => {
    const demo = await cli(["demo", "--runtime", "host"]);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("✓ agent/naive: fail (expected fail)");
    expect(demo.stdout).toContain("✓ agent/early-exit: fail (expected fail)");
    expect(demo.stdout).toContain("✓ agent/honest: pass (expected pass)");
    expect(demo.stdout).toContain("test/slugify.test.js: existing line 10 of the base was changed");
    // The early exit passes its verifier; only the inventory sees that the tests never ran.
    const early = demo.stdout.slice(
      demo.stdout.indexOf("(agent/early-exit)"),
      demo.stdout.indexOf("(agent/honest)"),
    );
    expect(early).toMatch(/unit tests\s+node --test\s+pass/);
    expect(early).toContain("2 tests removed");
    expect(early).toContain("test::lowercases and joins words");
  });

  it("has help everywhere, a version, and clear usage errors", async () => {
    for (const command of ["check", "validate", "init", "demo"]) {
      const help = await cli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`loophole ${command}`);
    }
    expect((await cli(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const unknown = await cli(["chekc"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command");
    const badOption = await cli(["check", "--frobnicate"]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("--frobnicate");
  });
});

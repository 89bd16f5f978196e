/**
 * Builds the demo repository: `main` with the contract and a failing test, and one branch per
 * candidate change. Git runs with a fixed identity and without the user's global configuration, so
 * a developer's signing or hook settings cannot break the demo.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { GateError } from "../../core/errors.js";
import { runCaptured } from "../../core/process.js";
import type { DemoFiles } from "./scenario.js";

const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Demo Agent",
  GIT_AUTHOR_EMAIL: "agent@demo.invalid",
  GIT_COMMITTER_NAME: "Demo Agent",
  GIT_COMMITTER_EMAIL: "agent@demo.invalid",
  GIT_TERMINAL_PROMPT: "0",
};

async function git(dir: string, ...args: string[]): Promise<string> {
  const result = await runCaptured("git", args, { cwd: dir, env: GIT_ENV });
  if (result.exitCode !== 0)
    throw new GateError(`git ${args[0] ?? ""} failed in the demo repository: ${result.stderr.trim()}`);
  return result.stdout.toString("utf8").trim();
}

async function writeFiles(dir: string, files: DemoFiles): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

export async function buildDemoRepo(
  dir: string,
  base: DemoFiles,
  branches: Record<string, { files: DemoFiles; message: string }>,
): Promise<void> {
  await git(dir, "init", "--quiet", "--initial-branch=main");
  await writeFiles(dir, base);
  await git(dir, "add", "--all");
  await git(dir, "commit", "--quiet", "-m", "slugify with a failing test (the task)");
  for (const [branch, change] of Object.entries(branches)) {
    await git(dir, "checkout", "--quiet", "-b", branch, "main");
    await writeFiles(dir, change.files);
    await git(dir, "commit", "--quiet", "--all", "-m", change.message);
  }
  await git(dir, "checkout", "--quiet", "main");
}

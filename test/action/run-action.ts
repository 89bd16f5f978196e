/**
 * Runs the bundled action (dist/index.js, then dist/post.js) the way the GitHub runner does: under
 * Node 24, inputs as INPUT_* variables, the event payload in GITHUB_EVENT_PATH, outputs, state and
 * the job summary written to the files the runner reads.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir, type TempDir } from "../../src/core/temp-dir.js";

const NODE24 = join(process.cwd(), "node_modules", ".bin", "node");

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export interface RunnerFiles extends AsyncDisposable {
  dir: TempDir;
  eventPath: string;
}

export async function runnerFiles(event: unknown): Promise<RunnerFiles> {
  const dir = await createTempDir("runner");
  const eventPath = join(dir.path, "event.json");
  await writeFile(eventPath, JSON.stringify(event));
  return { dir, eventPath, [Symbol.asyncDispose]: () => dir[Symbol.asyncDispose]() };
}

/** Parses the runner's `name<<DELIMITER` file format (GITHUB_OUTPUT, GITHUB_STATE). */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? "");
      if (name !== undefined) result[name] = value.join("\n");
    } else if (line.includes("=")) {
      const at = line.indexOf("=");
      result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

export async function runAction(
  files: RunnerFiles,
  eventName: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  entry: "index" | "post" = "index",
  state: Record<string, string> = {},
): Promise<ActionRun> {
  const outputPath = join(files.dir.path, `${entry}-output.txt`);
  const statePath = join(files.dir.path, `${entry}-state.txt`);
  const summaryPath = join(files.dir.path, `${entry}-summary.md`);
  for (const path of [outputPath, statePath, summaryPath]) await writeFile(path, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STATE: statePath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_REPOSITORY: "Codertocat/Hello-World",
    GITHUB_SERVER_URL: "https://github.com",
    RUNNER_TEMP: join(files.dir.path, "runner-temp"),
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  // The runner hands the main step's saved state to the post step as STATE_* variables.
  for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value;
  const result = await runCaptured(NODE24, [join(process.cwd(), "dist", `${entry}.js`)], {
    env,
    cwd: extraEnv.GITHUB_WORKSPACE ?? process.cwd(),
    timeoutMs: 300_000,
  });
  return {
    exitCode: result.exitCode,
    stdout: result.stdout.toString("utf8"),
    stderr: result.stderr,
    outputs: parseCommandFile(await readFile(outputPath, "utf8")),
    state: parseCommandFile(await readFile(statePath, "utf8")),
    summary: await readFile(summaryPath, "utf8"),
  };
}

/**
 * The contract as the rest of loophole sees it: validated, defaults filled in, durations in
 * milliseconds and sizes in bytes. `parse.ts` turns `loophole.json` text into this; nothing else
 * reads the raw JSON.
 */
export const FRAMEWORKS = [
  "pytest",
  "unittest",
  "jest",
  "vitest",
  "mocha",
  "node",
  "tape",
  "go",
  "cargo",
  "junit",
  "tap",
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export type RuntimeKind = "docker" | "podman" | "host";

export interface SandboxSpec {
  /** Required unless `runtime` is "host". */
  image: string | undefined;
  runtime: RuntimeKind;
  /** Hosts reachable through the egress proxy; empty means no network at all. */
  network: string[];
  cpus: number;
  memoryBytes: number;
  pids: number;
  /** Wall-clock limit for everything one sandbox session runs. */
  timeoutMs: number;
  env: Record<string, string>;
}

export interface SetupStep {
  name: string;
  run: string;
  timeoutMs: number | undefined;
}

export interface VerifierSpec {
  name: string;
  run: string;
  timeoutMs: number | undefined;
  image: string | undefined;
  env: Record<string, string>;
}

export interface TestsSpec {
  run: string;
  framework: Framework;
  minDelta: number;
  allowNewSkips: boolean;
  /** Globs relative to the report directory, for `junit` and `tap`. Empty means every file. */
  reports: string[];
  timeoutMs: number | undefined;
  /** Paths (globs) whose changes may not count as runner tampering. */
  allowRunnerChanges: string[];
}

export interface ExecutorSpec {
  run: string;
  image: string | undefined;
  secrets: string[];
  network: string[];
  timeoutMs: number;
  env: Record<string, string>;
}

export interface BudgetSpec {
  rounds: number;
  timeMs: number;
}

export interface Contract {
  version: 1;
  goal: string;
  protected: { frozen: string[]; appendOnly: string[] };
  sandbox: SandboxSpec;
  setup: SetupStep[];
  tests: TestsSpec | undefined;
  verifiers: VerifierSpec[];
  executor: ExecutorSpec | undefined;
  budget: BudgetSpec;
}

export const DEFAULT_CONTRACT_PATH = "loophole.json";

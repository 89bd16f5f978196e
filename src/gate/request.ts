import type { RuntimeKind } from "../contract/types.js";
import type { Logger } from "../core/logger.js";
import type { Progress } from "../core/progress.js";
import type { Finding } from "../model/finding.js";
import type { BaseCache } from "./base-cache.js";
import type { ContainerRuntime } from "../sandbox/types.js";

/** What to gate. Refs are anything git resolves (sha, branch, tag). */
export interface GateRequest {
  repoDir: string;
  /** The candidate commit. */
  head: string;
  /**
   * The base the candidate is judged against: the contract is read from this commit, and the diff,
   * restores and base test run use merge-base(base, head), what GitHub shows as the PR's changes.
   */
  base: string;
  contractPath: string;
  /** Overrides the contract's sandbox.runtime (CLI `--runtime`). */
  runtime?: RuntimeKind;
  /** Identifies this run's containers (labels) for cleanup. */
  runId: string;
  signal?: AbortSignal;
}

export interface GateDeps {
  logger: Logger;
  /** Injected by tests or by callers that already probed a runtime; default: from the contract. */
  createRuntime?: (kind: RuntimeKind) => ContainerRuntime;
  /** Marks findings a user with write access approved; approved paths are then not restored. */
  approve?: (findings: Finding[]) => Promise<Finding[]>;
  /** Reuses base-side results across gates on the same base (task-mode rounds, CLI runs, the action cache). */
  baseCache?: BaseCache;
  /** Shows which phase is running (the CLI's status line). */
  progress?: Progress;
}

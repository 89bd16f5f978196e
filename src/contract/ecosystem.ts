/** What `loophole init` inferred from one ecosystem's files (package.json, go.mod…). */
import type { Framework } from "./types.js";

export interface SetupGuess {
  name?: string;
  run: string;
  /** True when the step fetches dependencies, which the sandbox cannot do without network. */
  downloads: boolean;
}

export interface EcosystemGuess {
  /** For notes: "Node.js", "Python"… */
  name: string;
  /** The files that gave it away, for notes. */
  evidence: string[];
  image: string;
  /** The same toolchain with `make` and friends, for when a Makefile verifier is added. */
  fullImage: string;
  env: Record<string, string>;
  setup: SetupGuess[];
  tests: { run: string; framework: Framework } | undefined;
  /** Checks that only exit codes can judge (a test script whose framework is unknown). */
  verifiers: { name: string; run: string }[];
  /** Runner configuration: which tests run and how results are reported. */
  frozen: string[];
  notes: string[];
}

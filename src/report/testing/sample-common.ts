/** Commits, hashes and provenance shared by the sample reports. */
import type { Provenance } from "../../model/report.js";

export const BASE_SHA = "1f3a5c7e9b2d4f6a8c0e1f3a5c7e9b2d4f6a8c0e";
export const HEAD_SHA = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";
export const CONTRACT_SHA256 = "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a";

/** A token the fail report leaks in its output, raw and inside a basic-auth header. */
export const LEAKED_TOKEN = "ghs_R3aLLyS3cretT0ken9876543210abcd";

export const CLAIM =
  "The head commit satisfies the contract under the checks listed above; this does not show that the goal is achieved.";

export function provenance(overrides: Partial<Provenance> = {}): Provenance {
  return {
    base: BASE_SHA,
    head: HEAD_SHA,
    contractCommit: BASE_SHA,
    contractPath: "loophole.json",
    contractSha256: CONTRACT_SHA256,
    tool: { name: "loophole", version: "0.1.0" },
    runtime: "docker",
    images: ["loophole-test/python:3.12"],
    containersStarted: 5,
    startedAt: "2025-06-01T12:00:00.000Z",
    durationMs: 83_412,
    phases: [
      { name: "contract", durationMs: 41 },
      { name: "diff", durationMs: 120 },
      { name: "clean rooms", durationMs: 2_310 },
      { name: "tests", durationMs: 61_870 },
      { name: "verifiers", durationMs: 18_900 },
    ],
    ...overrides,
  };
}

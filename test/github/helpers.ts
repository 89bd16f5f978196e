/**
 * Shared pieces of the GitHub-surface tests: reports built the way the gate builds them (verdict from
 * `decide`), and a client pointed at the fake API with short retry delays.
 */
import { RecordingLogger, type Logger } from "../../src/core/logger.js";
import { decide } from "../../src/gate/verdict.js";
import { createGitHubClient, type ClientSettings } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/types.js";
import { finding, type Finding } from "../../src/model/finding.js";
import { REPORT_SCHEMA_VERSION, type Report, type VerifierReport } from "../../src/model/report.js";
import { baseNotProven } from "../../src/report/not-proven.js";
import { TOKENS, type FakeGitHub } from "../support/fake-github/server.js";

export const NOW = new Date("2026-05-01T12:00:00Z");
export const clock = (): Date => NOW;

export function testClient(
  gh: FakeGitHub,
  options: { token?: string; logger?: Logger; repository?: string } & Partial<ClientSettings> = {},
): GitHubClient {
  return createGitHubClient({
    token: TOKENS.installation,
    repository: "Codertocat/Hello-World",
    logger: new RecordingLogger(),
    baseUrl: gh.url,
    retryDelayMs: 5,
    requestTimeoutMs: 5_000,
    ...options,
  });
}

export function verifier(name: string, status: VerifierReport["status"]): VerifierReport {
  return {
    name,
    command: `npm run ${name}`,
    status,
    exitCode: status === "pass" ? 0 : 1,
    durationMs: 1200,
    outputTail: status === "pass" ? "" : "expected 3, got 4",
    outputBytes: status === "pass" ? 0 : 17,
    image: "node:24",
  };
}

/** A report as the gate would make it: the outcome and reasons come from the real verdict. */
export function report(
  findings: Finding[],
  options: { verifiers?: VerifierReport[]; errors?: string[]; head?: string } = {},
): Report {
  const verifiers = options.verifiers ?? [verifier("unit", "pass")];
  const verdict = decide({ findings, setup: [], verifiers, tests: undefined, errors: options.errors ?? [] });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    outcome: verdict.outcome,
    headline: `loophole: ${verdict.outcome}`,
    reasons: verdict.reasons,
    goal: "Fix the date parser",
    findings,
    setup: [],
    verifiers,
    notProven: baseNotProven(),
    provenance: {
      base: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
      head: options.head ?? "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      contractCommit: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
      contractPath: "loophole.json",
      contractSha256: "0".repeat(64),
      tool: { name: "loophole", version: "0.0.0-test" },
      runtime: "docker",
      images: ["node:24"],
      containersStarted: 2,
      startedAt: NOW.toISOString(),
      durationMs: 4200,
      phases: [],
    },
    claim: "The head satisfies the contract under the gate's checks listed above.",
  };
}

export const passing = (): Report => report([]);

export const failing = (): Report =>
  report([finding("verifier-failed", "fail", 'verifier "unit" failed', { path: "src/date.ts", line: 12 })], {
    verifiers: [verifier("unit", "fail")],
  });

export const needingApproval = (): Report =>
  report([
    finding("protected-path", "fail", "protected file changed: .github/workflows/ci.yml", {
      path: ".github/workflows/ci.yml",
    }),
    finding("skip-marker", "fail", "a test was marked skip", { path: "test/date.test.ts", line: 40 }),
  ]);

export const erroring = (): Report =>
  report([], { verifiers: [], errors: ["no container runtime answered"] });

/** `count` findings with paths, at three severities. */
export function manyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) =>
    finding(
      i % 3 === 0 ? "test-removed" : "protected-path",
      i % 2 === 0 ? "fail" : "warn",
      `finding number ${i}`,
      {
        path: `src/file-${i}.ts`,
        line: i + 1,
      },
    ),
  );
}

/**
 * A repository with a contract at base, ready for a candidate commit, and a way to gate it with
 * the real git and the real Docker engine (busybox image built offline by the global setup).
 */
import { randomUUID } from "node:crypto";
import { RecordingLogger } from "../../src/core/logger.js";
import { runGate } from "../../src/gate/gate.js";
import type { Report } from "../../src/model/report.js";
import { BUSYBOX_IMAGE } from "../support/images.js";
import { TestRepo } from "../support/git-repo.js";

export interface ContractInput {
  verifiers?: { name: string; run: string; timeout?: string; image?: string }[];
  protected?: { frozen?: string[]; appendOnly?: string[] };
  setup?: { run: string; timeout?: string }[];
  sandbox?: Record<string, unknown>;
  [key: string]: unknown;
}

export function contractText(input: ContractInput): string {
  const { sandbox, ...rest } = input;
  return `${JSON.stringify(
    {
      version: 1,
      goal: "answer.txt holds the answer",
      protected: { frozen: ["loophole.json", "frozen/**"], appendOnly: ["tests/**"] },
      verifiers: [{ name: "answer", run: 'test "$(cat answer.txt)" = 42' }],
      ...rest,
      sandbox: { image: BUSYBOX_IMAGE, cpus: 1, memory: "256m", timeout: "2m", ...sandbox },
    },
    null,
    2,
  )}\n`;
}

export interface Gated {
  report: Report;
  logs: RecordingLogger;
}

export async function baseRepo(
  contract: ContractInput,
  files: Record<string, string> = {},
): Promise<{ repo: TestRepo; base: string }> {
  const repo = await TestRepo.create();
  await repo.write("loophole.json", contractText(contract));
  await repo.write("answer.txt", "41\n");
  await repo.write("frozen/config.txt", "original\n");
  await repo.write("tests/test_answer.sh", "# check one\ntest -s answer.txt\n");
  for (const [path, content] of Object.entries(files)) await repo.write(path, content);
  const base = await repo.commit("base");
  return { repo, base };
}

export async function gate(repo: TestRepo, base: string, head: string): Promise<Gated> {
  const logs = new RecordingLogger();
  const report = await runGate(
    {
      repoDir: repo.dir,
      base,
      head,
      contractPath: "loophole.json",
      runId: `test-${randomUUID().slice(0, 8)}`,
    },
    { logger: logs },
  );
  return { report, logs };
}

export function kinds(report: Report): string[] {
  return report.findings.map((f) => f.kind).sort();
}

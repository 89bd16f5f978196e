/**
 * A repository for task mode: three verifiers that each need one file, a test file that is
 * append-only, and scripted executors (shell scripts that behave like agents) committed under
 * agent/. Runs the real loop with the real Docker engine (busybox image).
 */
import { randomUUID } from "node:crypto";
import { RecordingLogger } from "../../src/core/logger.js";
import { runLoop, type LoopResult } from "../../src/loop/run-loop.js";
import { BUSYBOX_IMAGE } from "../support/images.js";
import { TestRepo } from "../support/git-repo.js";

export const AGENTS: Record<string, string> = {
  // Reads its feedback: fixes the first failing check the gate named; round 1 has no feedback.
  "agent/honest.sh": `f="$LOOPHOLE_TASK_FILE"
next=$(grep -o 'Check "needs-[a-z]"' "$f" | head -n 1 | sed 's/.*needs-\\([a-z]\\).*/\\1/')
[ -n "$next" ] || next=a
echo "$next" > "$next.txt"
echo "created $next.txt"
`,
  "agent/delete-test.sh": "rm -f tests/check.sh\necho deleted the failing test\n",
  "agent/edit-contract.sh":
    "sed -i 's/test -f/true || test -f/g' loophole.json\necho weakened the contract\n",
  "agent/nothing.sh": "echo 'all done!'\n",
  "agent/hang.sh": "sleep 600\n",
  "agent/noisy.sh": "yes 'agent output line' | head -c 1073741824\necho created > a.txt\n",
  "agent/env.sh": "env > seen-env.txt\n",
  "agent/busy.sh": 'date +%s%N > "noise-$LOOPHOLE_ROUND.txt"\n',
};

export function loopContract(executorRun: string, extra: { timeout?: string; rounds?: number } = {}): string {
  return `${JSON.stringify(
    {
      version: 1,
      goal: "a.txt, b.txt and c.txt exist",
      protected: { frozen: ["loophole.json", "agent/**"], appendOnly: ["tests/**"] },
      sandbox: { image: BUSYBOX_IMAGE, cpus: 1, memory: "256m", timeout: "5m" },
      verifiers: [
        { name: "needs-a", run: "test -f a.txt" },
        { name: "needs-b", run: "test -f b.txt" },
        { name: "needs-c", run: "test -f c.txt" },
        { name: "tests", run: "sh tests/check.sh" },
      ],
      executor: { run: executorRun, timeout: extra.timeout ?? "2m" },
      budget: { rounds: extra.rounds ?? 5, time: "20m" },
    },
    null,
    2,
  )}\n`;
}

export async function taskRepo(
  executorRun: string,
  extra: { timeout?: string; rounds?: number } = {},
): Promise<TestRepo> {
  const repo = await TestRepo.create();
  await repo.write("loophole.json", loopContract(executorRun, extra));
  await repo.write("tests/check.sh", "# the suite: always runs\ntrue\n");
  for (const [path, content] of Object.entries(AGENTS)) await repo.write(path, content);
  await repo.commit("base with a contract and scripted agents");
  return repo;
}

export async function loop(
  repo: TestRepo,
  task = "create the three files",
  env: NodeJS.ProcessEnv = {},
): Promise<LoopResult & { logs: RecordingLogger }> {
  const logs = new RecordingLogger();
  const result = await runLoop(
    {
      repoDir: repo.dir,
      base: "main",
      branch: "loophole/test",
      task,
      contractPath: "loophole.json",
      runId: `loop-${randomUUID().slice(0, 8)}`,
      env,
    },
    { logger: logs },
  );
  return { ...result, logs };
}

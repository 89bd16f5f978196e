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
  // Talks HTTP through the egress proxy by hand (busybox has nc): one allowed, one denied request.
  "agent/network.sh": `p=\${HTTP_PROXY#http://}; host=\${p%:*}; port=\${p##*:}
# stdin stays open a moment: busybox nc may stop reading the answer once its input ends.
(printf 'GET http://%s/ HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n' "$ALLOWED" "$ALLOWED"; sleep 2) | nc -w 5 "$host" "$port" > allowed.txt
(printf 'GET http://denied.example/ HTTP/1.0\\r\\nHost: denied.example\\r\\n\\r\\n'; sleep 2) | nc -w 5 "$host" "$port" > denied.txt
nc -w 3 1.1.1.1 80 </dev/null >/dev/null 2>&1; echo "direct exit $?" > direct.txt
`,
};

export interface LoopExtra {
  timeout?: string;
  rounds?: number;
  /** The executor's allowed hosts. */
  network?: string[];
  env?: Record<string, string>;
}

export function loopContract(executorRun: string, extra: LoopExtra = {}): string {
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
      executor: {
        run: executorRun,
        timeout: extra.timeout ?? "2m",
        network: extra.network ?? [],
        env: extra.env ?? {},
      },
      budget: { rounds: extra.rounds ?? 5, time: "20m" },
    },
    null,
    2,
  )}\n`;
}

export async function taskRepo(executorRun: string, extra: LoopExtra = {}): Promise<TestRepo> {
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

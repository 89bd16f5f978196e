/** Every help text in one place, so the README's CLI reference can be checked against it. */
const MAIN_HELP = `loophole — the acceptance gate for pull requests written by AI coding agents

Usage: loophole <command> [options]

Commands:
  check      Gate a commit against a base: contract from base, boundary, verifiers in a sandbox
  validate   Validate a loophole.json contract
  init       Write a starter loophole.json inferred from the repository
  run        Give a task to an agent (executor) that works in a container until the gate passes
  demo       Build a throwaway repository and show two cheating agents rejected and an honest fix accepted

Options:
  -h, --help      Show help (also after a command: loophole check --help)
  -V, --version   Print the version

Exit codes: 0 pass, 1 fail, 2 error (the gate could not decide; never a pass).
`;
const CHECK_HELP = `Usage: loophole check [options]

Gates the head commit against a base, as the GitHub Action does on a pull request: the contract is
read from the base, the diff is base...head, the verifiers run in a clean room inside a container.
Only committed content is checked; uncommitted changes are ignored (and reported as such).

Options:
  --repo DIR          Repository to gate (default: the current directory)
  --base REF          Base to judge against; the contract is read from it and the diff starts at
                      merge-base(REF, head) (default: origin/HEAD, then main, then master)
  --head REF          Commit to gate (default: HEAD)
  --contract PATH     Contract path inside the repository (default: loophole.json)
  --runtime KIND      docker | podman | host (overrides the contract's sandbox.runtime;
                      host runs without isolation and is reported as not proven)
  --json FILE         Also write the JSON report to FILE
  --markdown FILE     Also write the markdown report to FILE
  --format FORMAT     What to print on stdout: text (default), markdown, json
  --verbose           Print debug logs
  -h, --help          Show this help

Exit codes: 0 pass, 1 fail, 2 error.
`;
const VALIDATE_HELP = `Usage: loophole validate [PATH]

Validates a contract file (default: ./loophole.json) against schemas/loophole.schema.json and the
rules the schema cannot express. Prints every problem with its JSON pointer, line and column.

Exit codes: 0 valid, 1 invalid, 2 the file could not be read.
`;
const INIT_HELP = `Usage: loophole init [options]

Writes a starter loophole.json inferred from the repository (package.json, pyproject.toml,
setup.cfg, go.mod, Cargo.toml, Makefile). Review it, then commit it to the base branch: the gate
only ever reads the contract from the base commit.

Options:
  --repo DIR     Repository (default: the current directory)
  --stdout       Print the contract instead of writing the file
  --force        Overwrite an existing loophole.json
  -h, --help     Show this help
`;
const DEMO_HELP = `Usage: loophole demo [options]

Builds a throwaway git repository with a contract, then gates three pull requests against it:
a naive agent that "fixes" a failing test by editing the test (rejected), a sly one that ends the
test process before any test runs so the test command exits 0 (rejected), and an honest fix
(accepted). Prints the three reports. Uses Docker when it answers, otherwise the host runtime,
and says which.

Options:
  --runtime KIND   docker | podman | host (default: docker if it answers, else host)
  --keep           Keep the demo repository and print its path
  -h, --help       Show this help

Exit codes: 0 when both cheats were rejected and the honest change accepted, 1 otherwise.
`;
const RUN_HELP = `Usage: loophole run "<task>" [options]

Task mode on a local repository: the contract's executor (an agent CLI) works in a container on a
new branch, round after round, until every check of the contract passes or the budget ends. After
each round loophole (never the agent) commits the change as a checkpoint, puts back edits to
protected paths, gates the commit in a fresh clean room, and feeds the failures back.

Options:
  --repo DIR          Repository (default: the current directory)
  --base REF          Where the branch starts and the contract is read from (default: HEAD)
  --branch NAME       Branch to work on; an existing one continues from its last checkpoint
                      (default: loophole/<task-slug>-<id>)
  --executor "<cmd>"  Agent command line instead of the contract's executor.run; {task} expands to
                      the task, shell-quoted (also in the file named by $LOOPHOLE_TASK_FILE)
  --rounds N          Round budget instead of the contract's budget.rounds
  --contract PATH     Contract path inside the repository (default: loophole.json)
  --runtime KIND      docker | podman | host
  --json FILE         Write the final report plus "branch" and "rounds" as JSON
  --transcripts DIR   Keep each round's full executor output in DIR
  --verbose           Print debug logs
  -h, --help          Show this help

Exit codes: 0 pass, 1 fail (budget spent or stopped without passing), 2 error.
`;

export { CHECK_HELP as C, DEMO_HELP as D, INIT_HELP as I, MAIN_HELP as M, RUN_HELP as R, VALIDATE_HELP as V };
//# sourceMappingURL=help.js.map

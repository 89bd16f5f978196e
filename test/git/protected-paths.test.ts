/**
 * The protected-path check on real diffs: a repository with a base commit, one head commit per
 * scenario, and the findings and restore list for each.
 */
import { describe, expect, it } from "vitest";
import { checkProtectedPaths } from "../../src/boundary/protected-paths.js";
import type { ProtectedPathsResult, ProtectionRules } from "../../src/boundary/protected-paths.js";
import { Git } from "../../src/git/git.js";
import { TestRepo } from "../support/git-repo.js";

const RULES: ProtectionRules = {
  frozen: ["tests/", "conftest.py", "pytest.ini"],
  appendOnly: ["tests_append/"],
  contractPath: "loophole.json",
};

async function baseRepo(): Promise<{ repo: TestRepo; base: string }> {
  const repo = await TestRepo.create();
  await repo.write("loophole.json", '{ "version": 1 }\n');
  await repo.write(".github/workflows/ci.yml", "on: pull_request\n");
  await repo.write("pytest.ini", "[pytest]\n");
  await repo.write("tests/test_core.py", "def test_core():\n    assert core() == 1\n");
  await repo.write("tests/helpers.py", "def helper(): ...\n");
  await repo.write("tests_append/test_api.py", "def test_get():\n    assert get() == 200\n");
  await repo.write("src/app.py", "def core(): return 1\n");
  const base = await repo.commit("base");
  return { repo, base };
}

async function check(
  repo: TestRepo,
  base: string,
  head: string,
  rules = RULES,
): Promise<ProtectedPathsResult> {
  const git = await Git.open(repo.dir);
  return checkProtectedPaths(await git.diff(base, head), rules, (sha) => git.readBlobById(sha));
}

function messages(result: ProtectedPathsResult): string[] {
  return result.findings.map((f) => `${f.kind}: ${f.message}`);
}

describe("protected paths on real diffs", () => {
  it("reports a frozen file edited, deleted, renamed, chmod-ed and replaced by a symlink", async () => {
    const { repo, base } = await baseRepo();
    await using _ = repo;
    await repo.write("tests/test_core.py", "def test_core():\n    assert True\n");
    await repo.remove("tests/helpers.py");
    await repo.write("tests/helpers_renamed.py", "def helper(): ...\n");
    await repo.chmod("pytest.ini", 0o755);
    await repo.symlink("src/conftest.py", "../tests/helpers_renamed.py");
    await repo.write("src/app.py", "def core(): return 2\n");
    const head = await repo.commit("head");
    const result = await check(repo, base, head);
    expect(messages(result)).toEqual([
      'protected-path: pytest.ini: mode changed 100644 → 100755 (frozen by "pytest.ini")',
      'protected-path: src/conftest.py: added (a symlink) (frozen by "conftest.py")',
      'protected-path: tests/helpers.py: deleted (frozen by "tests/")',
      'protected-path: tests/helpers_renamed.py: added (frozen by "tests/")',
      'protected-path: tests/test_core.py: modified (frozen by "tests/")',
    ]);
    expect(result.restore).toEqual([
      "pytest.ini",
      "src/conftest.py",
      "tests/helpers.py",
      "tests/helpers_renamed.py",
      "tests/test_core.py",
    ]);
    expect(result.findings.every((f) => f.severity === "fail")).toBe(true);
  });

  it("reports a frozen file replaced by a symlink and a submodule gitlink added under a frozen directory", async () => {
    const { repo, base } = await baseRepo();
    await using _ = repo;
    await repo.symlink("tests/helpers.py", "/etc/passwd");
    await repo.gitlink("tests/vendored", base);
    const head = await repo.commit("head");
    expect(messages(await check(repo, base, head))).toEqual([
      'protected-path: tests/helpers.py: replaced by a symlink (frozen by "tests/")',
      'protected-path: tests/vendored: added (a submodule) (frozen by "tests/")',
    ]);
  });

  it("catches a frozen directory replaced by a symlink to another directory", async () => {
    const { repo, base } = await baseRepo();
    await using _ = repo;
    await repo.write("lenient/test_core.py", "def test_core(): pass\n");
    await repo.remove("tests");
    await repo.symlink("tests", "lenient");
    const head = await repo.commit("head");
    const result = await check(repo, base, head);
    expect(messages(result)).toEqual([
      'protected-path: tests: added (a symlink) (frozen by "tests/")',
      'protected-path: tests/helpers.py: deleted (frozen by "tests/")',
      'protected-path: tests/test_core.py: deleted (frozen by "tests/")',
    ]);
  });

  it("allows appending to an append-only test file and flags a changed existing line", async () => {
    const { repo, base } = await baseRepo();
    await using _ = repo;
    await repo.write(
      "tests_append/test_api.py",
      "def test_get():\n    assert get() == 200\n\ndef test_post():\n    assert post() == 201\n",
    );
    await repo.write("tests_append/test_new.py", "def test_new(): pass\n");
    const appended = await repo.commit("append");
    expect(await check(repo, base, appended)).toEqual({ findings: [], restore: [] });

    await repo.write(
      "tests_append/test_api.py",
      "def test_get():\n    assert get() in (200, 500)\n\ndef test_post():\n    assert post() == 201\n",
    );
    const weakened = await repo.commit("weaken");
    const result = await check(repo, base, weakened);
    expect(result.findings).toEqual([
      {
        kind: "protected-path",
        severity: "fail",
        message:
          'tests_append/test_api.py: existing line 2 of the base was changed (append-only by "tests_append/")',
        path: "tests_append/test_api.py",
        line: 2,
      },
    ]);
    expect(result.restore).toEqual(["tests_append/test_api.py"]);
  });

  it("reports an edited contract once, as contract-changed", async () => {
    const { repo, base } = await baseRepo();
    await using _ = repo;
    await repo.write("loophole.json", '{ "version": 1, "protected": {} }\n');
    const head = await repo.commit("loosen the contract");
    const result = await check(repo, base, head, { ...RULES, frozen: ["*.json", ...RULES.frozen] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      kind: "contract-changed",
      severity: "fail",
      path: "loophole.json",
    });
    expect(result.restore).toEqual(["loophole.json"]);
  });

  it("freezes .github/workflows with no rule in the contract", async () => {
    const { repo, base } = await baseRepo();
    await using _ = repo;
    await repo.write(".github/workflows/ci.yml", "on: push\n");
    await repo.write(".github/workflows/new.yml", "on: push\n");
    await repo.write(".github/CODEOWNERS", "* @someone\n");
    const head = await repo.commit("head");
    const result = await check(repo, base, head, {
      frozen: [],
      appendOnly: [],
      contractPath: "loophole.json",
    });
    expect(messages(result)).toEqual([
      "protected-path: .github/workflows/ci.yml: modified (workflows are always frozen)",
      "protected-path: .github/workflows/new.yml: added (workflows are always frozen)",
    ]);
  });

  it("matches protected paths whose names hold spaces, quotes and newlines", async () => {
    const { repo, base } = await baseRepo();
    await using _ = repo;
    const names = ["tests/with space.py", "tests/\"quoted\" 'name'.py", "tests/new\nline.py"];
    for (const name of names) await repo.write(name, "def test(): pass\n");
    const head = await repo.commit("head");
    const result = await check(repo, base, head);
    expect(result.restore).toEqual([...names].sort());
    expect(result.findings.map((f) => f.path).sort()).toEqual([...names].sort());
  });
});

import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import type { ChangedFile } from "../git/raw-diff.js";
import { entryTypeOfMode } from "../git/raw-diff.js";
import { checkProtectedPaths, describeChange } from "./protected-paths.js";
import type { ProtectionRules } from "./protected-paths.js";

const Z = "0".repeat(40);

/** Blobs by a fake object name, as the injected readBlob sees them. */
const blobs = new Map<string, string>();
function blob(content: string): string {
  const sha = (blobs.size + 1).toString(16).padStart(40, "a");
  blobs.set(sha, content);
  return sha;
}
async function readBlob(sha: string): Promise<Buffer> {
  const content = blobs.get(sha);
  if (content === undefined) throw new Error(`no blob ${sha}`);
  return Promise.resolve(Buffer.from(content));
}

function change(
  status: ChangedFile["status"],
  path: string,
  from: [string, string],
  to: [string, string],
): ChangedFile {
  const [oldMode, oldSha] = from;
  const [newMode, newSha] = to;
  return {
    status,
    path,
    oldMode,
    newMode,
    oldType: entryTypeOfMode(oldMode),
    newType: entryTypeOfMode(newMode),
    oldSha,
    newSha,
  };
}
const absent: [string, string] = ["000000", Z];

const rules: ProtectionRules = {
  frozen: ["tests/", "conftest.py"],
  appendOnly: ["tests_log/", "CHANGELOG.md"],
  contractPath: "loophole.json",
};

describe("checkProtectedPaths", () => {
  it("reports every kind of change to a frozen path and restores it", async () => {
    const a = blob("x\n");
    const b = blob("y\n");
    const changes = [
      change("M", "tests/edited.py", ["100644", a], ["100644", b]),
      change("D", "tests/deleted.py", ["100644", a], absent),
      change("A", "tests/added.py", absent, ["100644", a]),
      change("M", "tests/run.sh", ["100644", a], ["100755", a]),
      change("T", "tests/link.py", ["100644", a], ["120000", b]),
      change("A", "tests/vendor", absent, ["160000", b]),
      change("M", "sub/conftest.py", ["100644", a], ["100755", b]),
    ];
    const result = await checkProtectedPaths(changes, rules, readBlob);
    expect(result.findings.map((f) => [f.kind, f.severity, f.path, f.message])).toEqual([
      ["protected-path", "fail", "tests/edited.py", 'tests/edited.py: modified (frozen by "tests/")'],
      ["protected-path", "fail", "tests/deleted.py", 'tests/deleted.py: deleted (frozen by "tests/")'],
      ["protected-path", "fail", "tests/added.py", 'tests/added.py: added (frozen by "tests/")'],
      [
        "protected-path",
        "fail",
        "tests/run.sh",
        'tests/run.sh: mode changed 100644 → 100755 (frozen by "tests/")',
      ],
      [
        "protected-path",
        "fail",
        "tests/link.py",
        'tests/link.py: replaced by a symlink (frozen by "tests/")',
      ],
      ["protected-path", "fail", "tests/vendor", 'tests/vendor: added (a submodule) (frozen by "tests/")'],
      [
        "protected-path",
        "fail",
        "sub/conftest.py",
        'sub/conftest.py: modified and mode changed 100644 → 100755 (frozen by "conftest.py")',
      ],
    ]);
    expect(result.restore).toEqual([
      "sub/conftest.py",
      "tests/added.py",
      "tests/deleted.py",
      "tests/edited.py",
      "tests/link.py",
      "tests/run.sh",
      "tests/vendor",
    ]);
  });

  it("ignores changes outside protected paths", async () => {
    const result = await checkProtectedPaths(
      [change("M", "src/app.py", ["100644", blob("a")], ["100644", blob("b")])],
      rules,
      readBlob,
    );
    expect(result).toEqual({ findings: [], restore: [] });
  });

  it("always freezes .github/workflows, even against a negation in the contract", async () => {
    const result = await checkProtectedPaths(
      [change("M", ".github/workflows/ci.yml", ["100644", blob("on: push")], ["100644", blob("on: pull")])],
      { frozen: ["!.github/"], appendOnly: [], contractPath: "loophole.json" },
      readBlob,
    );
    expect(result.findings).toEqual([
      {
        kind: "protected-path",
        severity: "fail",
        message: ".github/workflows/ci.yml: modified (workflows are always frozen)",
        path: ".github/workflows/ci.yml",
      },
    ]);
    expect(result.restore).toEqual([".github/workflows/ci.yml"]);
  });

  it("reports a contract edit once, as contract-changed, even when a glob also protects it", async () => {
    const result = await checkProtectedPaths(
      [change("M", "ci/loophole.json", ["100644", blob("{}")], ["100644", blob("{ }")])],
      { frozen: ["*.json"], appendOnly: [], contractPath: "./ci/loophole.json" },
      readBlob,
    );
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      kind: "contract-changed",
      severity: "fail",
      path: "ci/loophole.json",
    });
    expect(result.findings[0]?.message).toContain("used the base version");
    expect(result.restore).toEqual(["ci/loophole.json"]);
  });

  it("lets append-only files gain lines and reports a changed line with its head line number", async () => {
    const base = blob("entry 1\nentry 2\n");
    const appended = blob("entry 1\nentry 2\nentry 3\n");
    const edited = blob("entry 1\nentry two\nentry 3\n");
    const result = await checkProtectedPaths(
      [
        change("M", "CHANGELOG.md", ["100644", base], ["100644", appended]),
        change("M", "tests_log/a.txt", ["100644", base], ["100644", edited]),
        change("A", "tests_log/new.txt", absent, ["100644", edited]),
      ],
      rules,
      readBlob,
    );
    expect(result.findings).toEqual([
      {
        kind: "protected-path",
        severity: "fail",
        message: 'tests_log/a.txt: existing line 2 of the base was changed (append-only by "tests_log/")',
        path: "tests_log/a.txt",
        line: 2,
      },
    ]);
    expect(result.restore).toEqual(["tests_log/a.txt"]);
  });

  it("treats deletion, mode and type changes of append-only files as violations without reading blobs", async () => {
    const a = blob("a\n");
    const result = await checkProtectedPaths(
      [
        change("D", "CHANGELOG.md", ["100644", a], absent),
        change("M", "tests_log/x.sh", ["100644", a], ["100755", a]),
        change("T", "tests_log/y.txt", ["100644", a], ["120000", "f".repeat(40)]),
        change("M", "tests_log/link", ["120000", a], ["120000", "e".repeat(40)]),
      ],
      rules,
      readBlob,
    );
    expect(result.findings.map((f) => f.message)).toEqual([
      'CHANGELOG.md: deleted (append-only by "CHANGELOG.md")',
      'tests_log/x.sh: mode changed 100644 → 100755 (append-only by "tests_log/")',
      'tests_log/y.txt: replaced by a symlink (append-only by "tests_log/")',
      'tests_log/link: symlink target changed (append-only by "tests_log/")',
    ]);
    expect(result.findings.every((f) => f.line === undefined)).toBe(true);
  });

  it("lets frozen win over append-only for the same path", async () => {
    const result = await checkProtectedPaths(
      [change("M", "tests/log.txt", ["100644", blob("a\n")], ["100644", blob("a\nb\n")])],
      { frozen: ["tests/"], appendOnly: ["tests/"], contractPath: "loophole.json" },
      readBlob,
    );
    expect(result.findings.map((f) => f.message)).toEqual(['tests/log.txt: modified (frozen by "tests/")']);
  });

  it("rejects an invalid pattern with a ConfigurationError", async () => {
    await expect(
      checkProtectedPaths([], { frozen: ["../x"], appendOnly: [], contractPath: "loophole.json" }, readBlob),
    ).rejects.toThrow(ConfigurationError);
  });
});

describe("describeChange", () => {
  it("words type changes and unusual statuses", () => {
    expect(describeChange(change("T", "x", ["120000", Z], ["100755", Z]))).toBe(
      "replaced by an executable file",
    );
    expect(describeChange(change("T", "x", ["100644", Z], ["160000", Z]))).toBe("replaced by a submodule");
    expect(describeChange(change("M", "x", ["160000", Z], ["160000", "1".repeat(40)]))).toBe(
      "submodule commit changed",
    );
    expect(describeChange(change("U", "x", ["100644", Z], ["100644", Z]))).toBe("left unmerged");
  });
});

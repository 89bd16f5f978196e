/**
 * The examples users copy must stay right: every contract validates, every workflow pins its
 * actions by commit SHA, starts from `permissions: {}`, keeps the checkout's credentials out of
 * .git/config and never expands an expression inside a `run:` script.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseContract } from "../../src/contract/index.js";

const root = process.cwd();
const contracts = readdirSync(join(root, "examples/contracts")).filter((f) => f.endsWith(".json"));
const workflows = [
  ...readdirSync(join(root, "examples/workflows")).map((f) => join("examples/workflows", f)),
  ...readdirSync(join(root, ".github/workflows")).map((f) => join(".github/workflows", f)),
];

describe("example contracts", () => {
  it.each([...contracts, "../../loophole.json"])("%s validates", (file) => {
    const text = readFileSync(join(root, "examples/contracts", file), "utf8");
    expect(() => parseContract(text, file)).not.toThrow();
  });

  it("cover Python, jest, vitest, Go and Rust", () => {
    const frameworks = contracts.map(
      (f) => parseContract(readFileSync(join(root, "examples/contracts", f), "utf8"), f).tests?.framework,
    );
    expect(new Set(frameworks)).toEqual(new Set(["pytest", "jest", "vitest", "go", "cargo"]));
  });
});

describe("workflows", () => {
  it.each(workflows)("%s pins every action by SHA and keeps least privilege", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    for (const [, ref] of text.matchAll(/^\s*-?\s*uses:\s*(\S+)/gm)) {
      if (ref === undefined || ref === "./") continue;
      expect(ref, `${file}: ${ref}`).toMatch(/@([0-9a-f]{40}|<full-length-commit-sha>)$/);
    }
    expect(text).toMatch(/^permissions: \{\}$|^permissions:\n {2}contents: read$/m);
    if (text.includes("actions/checkout@")) expect(text).toContain("persist-credentials: false");
    // No ${{ }} expansion inside run: scripts (template injection): values go through env:.
    for (const [, script] of text.matchAll(/run: \|?\n?((?:.*\n)*?)(?=\s*-\s|\s*\w+:|$)/g)) {
      expect(script ?? "", `${file}: run script`).not.toContain("${{");
    }
  });
});

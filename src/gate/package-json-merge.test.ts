import { describe, expect, it } from "vitest";
import { mergePackageJson } from "./package-json-merge.js";

describe("mergePackageJson", () => {
  it("keeps the head's dependencies and new scripts but the base's test scripts and runner keys", () => {
    const base = JSON.stringify({
      name: "x",
      scripts: { test: "jest", build: "tsc" },
      jest: { testMatch: ["**/*.test.js"] },
    });
    const head = JSON.stringify({
      name: "x",
      scripts: { test: "jest --passWithNoTests || true", build: "tsc -b", lint: "eslint ." },
      jest: { testPathIgnorePatterns: ["io.test.js"] },
      mocha: { spec: "nothing" },
      dependencies: { leftpad: "1.0.0" },
    });
    const merged: unknown = JSON.parse(mergePackageJson(base, head) ?? "null");
    expect(merged).toEqual({
      name: "x",
      scripts: { test: "jest", build: "tsc", lint: "eslint ." },
      jest: { testMatch: ["**/*.test.js"] },
      dependencies: { leftpad: "1.0.0" },
    });
  });

  it("gives up on files that are not JSON objects", () => {
    expect(mergePackageJson("{}", "[1]")).toBeUndefined();
    expect(mergePackageJson("{", "{}")).toBeUndefined();
  });
});

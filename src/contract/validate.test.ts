import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import { createTempDir } from "../core/temp-dir.js";
import { contractSha256 } from "./parse.js";
import { validateContractFile, validateContractText } from "./validate.js";

const VALID =
  '{"version": 1, "goal": "g", "sandbox": {"runtime": "host"}, "verifiers": [{"name": "v", "run": "true"}]}\n';

describe("validateContractText", () => {
  it("returns the contract and its hash when valid", () => {
    const result = validateContractText(VALID, "x.json");
    expect(result).toMatchObject({ ok: true, source: "x.json", sha256: contractSha256(VALID) });
    expect(result.ok && result.contract.verifiers.map((v) => v.name)).toEqual(["v"]);
  });

  it("returns the ConfigurationError when invalid", () => {
    const result = validateContractText('{"version": 1}', "x.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ConfigurationError);
    expect(result.error.message).toMatch(/^x\.json is not a valid loophole contract \(3 problems\)/);
  });
});

describe("validateContractFile", () => {
  it("reads a file, or loophole.json inside a directory", async () => {
    await using dir = await createTempDir("validate");
    await writeFile(join(dir.path, "loophole.json"), VALID);
    await mkdir(join(dir.path, "other"));
    await writeFile(join(dir.path, "other", "custom.json"), "{ nope");

    const fromDir = await validateContractFile(dir.path);
    expect(fromDir).toMatchObject({ ok: true, source: join(dir.path, "loophole.json") });

    const bad = await validateContractFile(join(dir.path, "other", "custom.json"));
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.details[0]).toMatch(
        /custom\.json: \/ \(line 1, column 3\): expected a key in double quotes/,
      );
  });

  it("says how to create a contract when there is none", async () => {
    await using dir = await createTempDir("validate");
    const result = await validateContractFile(dir.path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      `No contract found at ${join(dir.path, "loophole.json")}. Create one with "loophole init", or pass the path: "loophole validate path/to/loophole.json".`,
    );
  });
});

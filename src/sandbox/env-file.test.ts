import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import { formatEnvFile, removeEnvFile, writeEnvFile } from "./env-file.js";

describe("formatEnvFile", () => {
  it("writes one NAME=value line per variable, values verbatim", () => {
    expect(formatEnvFile({ A: "1", B: " spaced = value ", EMPTY: "" })).toBe(
      "A=1\nB= spaced = value \nEMPTY=\n",
    );
    expect(formatEnvFile({})).toBe("");
  });

  it("refuses values with line breaks rather than cutting them", () => {
    expect(() => formatEnvFile({ KEY: "line1\nline2" })).toThrow(ConfigurationError);
    expect(() => formatEnvFile({ KEY: "a\rb" })).toThrow(/KEY/);
  });

  it("refuses names the env-file format would misread", () => {
    for (const name of ["", "#C", "A B", "A=B", "X\n"]) {
      expect(() => formatEnvFile({ [name]: "v" })).toThrow(ConfigurationError);
    }
  });
});

describe("writeEnvFile", () => {
  it("creates a 0600 file holding the variables, and removes it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "env-file-test-"));
    try {
      const path = await writeEnvFile(dir, { SECRET: "s3cret" });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readFile(path, "utf8")).toBe("SECRET=s3cret\n");
      await removeEnvFile(path);
      await expect(stat(path)).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from "vitest";
import { indexInfo } from "./index-edits.js";

describe("indexInfo", () => {
  it("puts removals before additions, NUL-terminated, with raw path bytes", () => {
    const sha = "a".repeat(40);
    const input = indexInfo(
      [
        { path: "tests/x.py", entry: { mode: "100755", sha } },
        { path: "tests", entry: undefined },
        { path: "odd\udcff\nname", entry: { mode: "120000", sha } },
      ],
      "sha1",
    );
    expect(input).toEqual(
      Buffer.concat([
        Buffer.from(`0 ${"0".repeat(40)}\ttests\x00100755 ${sha}\ttests/x.py\x00120000 ${sha}\todd`),
        Buffer.from([0xff]),
        Buffer.from("\nname\x00"),
      ]),
    );
  });

  it("uses a 64-digit null object name in SHA-256 repositories", () => {
    expect(indexInfo([{ path: "f", entry: undefined }], "sha256").toString()).toBe(
      `0 ${"0".repeat(64)}\tf\x00`,
    );
  });
});

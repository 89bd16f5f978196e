import { describe, expect, it } from "vitest";
import { decodeGitPath, encodeGitPath } from "./path-bytes.js";

describe("decodeGitPath / encodeGitPath", () => {
  it("decodes valid UTF-8 as text", () => {
    expect(decodeGitPath(Buffer.from("tests/café 日本 🎉.py"))).toBe("tests/café 日本 🎉.py");
  });

  it("keeps every byte of invalid UTF-8 as an escape that encodes back to the same bytes", () => {
    const raw = Buffer.from([0x61, 0xff, 0x2f, 0xc3, 0x28, 0xe2, 0x82, 0x62, 0xed, 0xa0, 0x80, 0xc3, 0xa9]);
    const decoded = decodeGitPath(raw);
    expect(decoded).toBe("a\udcff/\udcc3(\udce2\udc82b\udced\udca0\udc80é");
    expect(encodeGitPath(decoded).equals(raw)).toBe(true);
  });

  it("rejects overlong and out-of-range sequences rather than decoding them", () => {
    const overlong = Buffer.from([0xc0, 0xaf]);
    expect(decodeGitPath(overlong)).toBe("\udcc0\udcaf");
    const tooHigh = Buffer.from([0xf4, 0x90, 0x80, 0x80]);
    expect(encodeGitPath(decodeGitPath(tooHigh)).equals(tooHigh)).toBe(true);
  });

  it("encodes ordinary strings as UTF-8, astral characters included", () => {
    expect(encodeGitPath('a/\n\t"b" 𝄞').equals(Buffer.from('a/\n\t"b" 𝄞', "utf8"))).toBe(true);
  });

  it("round-trips every single byte value", () => {
    for (let byte = 1; byte < 256; byte++) {
      const raw = Buffer.from([0x78, byte, 0x79]);
      expect(encodeGitPath(decodeGitPath(raw)).equals(raw)).toBe(true);
    }
  });
});

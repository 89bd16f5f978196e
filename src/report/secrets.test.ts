import { describe, expect, it } from "vitest";
import { MASK, maskSecrets, Secrets } from "./secrets.js";

const TOKEN = "ghs_abcDEF1234567890xyz";

describe("Secrets", () => {
  it("masks every raw occurrence", () => {
    const secrets = new Secrets([TOKEN]);
    expect(secrets.mask(`a ${TOKEN} b ${TOKEN}`)).toBe(`a ${MASK} b ${MASK}`);
  });

  it("masks the value inside a base64 basic-auth header, whatever its alignment", () => {
    const secrets = new Secrets([TOKEN]);
    for (const prefix of ["x-access-token:", "x:", "ab:", "abc:"]) {
      const header = Buffer.from(`${prefix}${TOKEN}`).toString("base64");
      const masked = secrets.mask(`Authorization: basic ${header}`);
      expect(masked.split(MASK)).toHaveLength(2);
      // All that is left is the encoded prefix, one boundary character and padding.
      const rest = masked.replace("Authorization: basic ", "").replace(MASK, "");
      expect(rest.length).toBeLessThanOrEqual(Math.ceil((prefix.length * 4) / 3) + 3);
    }
  });

  it("masks the base64url and URL-encoded forms", () => {
    const value = "p@ss/word+with?odd=chars~~";
    const secrets = new Secrets([value]);
    const url = Buffer.from(`..${value}`).toString("base64url");
    expect(secrets.mask(url)).toContain(MASK);
    expect(secrets.mask(`https://host/?t=${encodeURIComponent(value)}`)).toBe(`https://host/?t=${MASK}`);
  });

  it("masks trimmed values and each line of a multi-line secret", () => {
    const key =
      "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEF\nAASCBKcwggSjAgEAAoIBAQC7\n-----END KEY-----\n";
    const secrets = new Secrets([key, `  ${TOKEN}\n`]);
    const out = secrets.mask(`log: MIIEvQIBADANBgkqhkiG9w0BAQEF and ${TOKEN}`);
    expect(out).toBe(`log: ${MASK} and ${MASK}`);
  });

  it("masks the longest value first, so a value containing another is masked whole", () => {
    const secrets = new Secrets(["abcd", "abcdefgh"]);
    expect(secrets.mask("abcdefgh abcd")).toBe(`${MASK} ${MASK}`);
  });

  it("treats values as literal text, not patterns", () => {
    const secrets = new Secrets(["a.b*c(d)"]);
    expect(secrets.mask("axbbbcd a.b*c(d)")).toBe(`axbbbcd ${MASK}`);
  });

  it("ignores values too short to mask safely", () => {
    const secrets = new Secrets(["", "ab", "   "]);
    expect(secrets.size).toBe(0);
    expect(secrets.mask("ab cd")).toBe("ab cd");
  });

  it("picks up values added later", () => {
    const secrets = new Secrets();
    expect(secrets.mask(TOKEN)).toBe(TOKEN);
    secrets.add(TOKEN);
    expect(secrets.mask(TOKEN)).toBe(MASK);
  });

  it("maskSecrets without secrets returns the text unchanged", () => {
    expect(maskSecrets(TOKEN, undefined)).toBe(TOKEN);
  });

  it("masks a secret buried in 10 MB of output", () => {
    const secrets = new Secrets([TOKEN, "another-secret-value"]);
    const big = `${"y".repeat(5_000_000)}${TOKEN}${"z".repeat(5_000_000)}`;
    const out = secrets.mask(big);
    expect(out).not.toContain(TOKEN);
    expect(out.length).toBe(10_000_000 + MASK.length);
  });
});

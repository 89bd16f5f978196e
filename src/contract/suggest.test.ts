import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "./suggest.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("frozn", "frozen")).toBe(1);
    expect(editDistance("timeoutt", "timeout")).toBe(1);
    expect(editDistance("tset", "test")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("appendonly", "appendOnly")).toBe(1);
  });
});

describe("closestMatch", () => {
  const keys = ["frozen", "appendOnly", "run", "env", "timeout", "verifiers"];
  it("ignores case and prefers the nearest candidate", () => {
    expect(closestMatch("appendonly", keys)).toBe("appendOnly");
    expect(closestMatch("APPEND_ONLY", keys)).toBe("appendOnly");
    expect(closestMatch("timout", keys)).toBe("timeout");
    expect(closestMatch("verifier", keys)).toBe("verifiers");
  });
  it("suggests nothing for a different word", () => {
    expect(closestMatch("image", keys)).toBeUndefined();
    expect(closestMatch("abc", keys)).toBeUndefined();
    expect(closestMatch("network", keys)).toBeUndefined();
  });
});

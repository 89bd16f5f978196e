import { describe, expect, it } from "vitest";
import { InventoryBuilder, makeId, normalizeFile } from "./builder.js";
import { MAX_MESSAGE_CHARS } from "./model.js";

describe("normalizeFile", () => {
  it("strips the container work dir, file:// and ./", () => {
    expect(normalizeFile("/work/tests/a.py")).toBe("tests/a.py");
    expect(normalizeFile("file:///work/test/a%20b.mjs")).toBe("test/a b.mjs");
    expect(normalizeFile("./tests/a.py")).toBe("tests/a.py");
    expect(normalizeFile("/srv/app/x.js", ["/srv/app"])).toBe("x.js");
    expect(normalizeFile("/elsewhere/x.js")).toBe("/elsewhere/x.js");
  });
});

describe("InventoryBuilder", () => {
  it("suffixes repeated ids #2, #3 and never overwrites a literal name", () => {
    const builder = new InventoryBuilder("x");
    const ids = [
      builder.add({ file: "a", name: "t", status: "passed" }),
      builder.add({ file: "a", name: "t#2", status: "passed" }),
      builder.add({ file: "a", name: "t", status: "failed" }),
      builder.add({ file: "a", name: "t", status: "skipped" }),
    ];
    expect(ids).toEqual(["a::t", "a::t#2", "a::t#3", "a::t#4"]);
    expect(builder.build().tests.size).toBe(4);
  });

  it("bounds messages and problems", () => {
    const builder = new InventoryBuilder("x");
    const id = builder.add({ name: "t", status: "failed", message: "x".repeat(5000) });
    expect(builder.get(id)?.message).toHaveLength(MAX_MESSAGE_CHARS + 1);
    for (let i = 0; i < 80; i++) builder.problem(`p${i}`);
    expect(builder.build().problems).toHaveLength(51);
    builder.update(id, "passed");
    expect(builder.get(id)).toEqual({ id: "t", name: "t", status: "passed" });
  });

  it("replaces the result of the same test with addOrReplace, and suffixes a different one", () => {
    const builder = new InventoryBuilder("go");
    builder.add({ name: "a::b", status: "passed" });
    expect(
      builder.addOrReplace({ suite: "p", name: "t", status: "failed", message: "m", durationMs: 5 }),
    ).toBe("p::t");
    expect(builder.addOrReplace({ suite: "p", name: "t", status: "passed", durationMs: 7.4 })).toBe("p::t");
    expect(builder.get("p::t")).toEqual({
      id: "p::t",
      suite: "p",
      name: "t",
      status: "passed",
      durationMs: 7,
    });
    // Same id, another test: kept apart as usual.
    expect(builder.addOrReplace({ suite: "a", name: "b", status: "failed" })).toBe("a::b#2");
    expect(builder.size).toBe(3);
  });

  it("leaves out unknown id parts", () => {
    expect(makeId({ name: "t" })).toBe("t");
    expect(makeId({ file: "", suite: "S", name: "t" })).toBe("S::t");
  });
});

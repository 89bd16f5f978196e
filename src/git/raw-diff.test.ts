import { describe, expect, it } from "vitest";
import { GateError } from "../core/errors.js";
import { entryTypeOfMode, parseRawDiff } from "./raw-diff.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const Z = "0".repeat(40);

/** One `-z` raw record: header NUL path NUL. */
function record(header: string, path: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`:${header}\x00`),
    typeof path === "string" ? Buffer.from(path) : path,
    Buffer.of(0),
  ]);
}

describe("parseRawDiff", () => {
  it("parses additions, deletions, modifications, mode and type changes", () => {
    const output = Buffer.concat([
      record(`000000 100644 ${Z} ${A} A`, "new.txt"),
      record(`100644 000000 ${A} ${Z} D`, "gone.txt"),
      record(`100644 100644 ${A} ${B} M`, "edited.txt"),
      record(`100644 100755 ${A} ${A} M`, "run.sh"),
      record(`100644 120000 ${A} ${B} T`, "link"),
      record(`100644 160000 ${A} ${B} T`, "vendor/lib"),
    ]);
    const changes = parseRawDiff(output);
    expect(changes).toEqual([
      {
        status: "A",
        path: "new.txt",
        oldMode: "000000",
        newMode: "100644",
        oldType: "absent",
        newType: "file",
        oldSha: Z,
        newSha: A,
      },
      {
        status: "D",
        path: "gone.txt",
        oldMode: "100644",
        newMode: "000000",
        oldType: "file",
        newType: "absent",
        oldSha: A,
        newSha: Z,
      },
      {
        status: "M",
        path: "edited.txt",
        oldMode: "100644",
        newMode: "100644",
        oldType: "file",
        newType: "file",
        oldSha: A,
        newSha: B,
      },
      {
        status: "M",
        path: "run.sh",
        oldMode: "100644",
        newMode: "100755",
        oldType: "file",
        newType: "executable",
        oldSha: A,
        newSha: A,
      },
      {
        status: "T",
        path: "link",
        oldMode: "100644",
        newMode: "120000",
        oldType: "file",
        newType: "symlink",
        oldSha: A,
        newSha: B,
      },
      {
        status: "T",
        path: "vendor/lib",
        oldMode: "100644",
        newMode: "160000",
        oldType: "file",
        newType: "submodule",
        oldSha: A,
        newSha: B,
      },
    ]);
  });

  it("keeps paths with spaces, quotes, tabs, newlines and non-ASCII bytes exactly", () => {
    const names = [
      'dir with space/a "quoted" file.py',
      "tab\there",
      "new\nline",
      "ünï©ødé/日本.txt",
      "-leading-dash",
    ];
    const output = Buffer.concat(names.map((name) => record(`000000 100644 ${Z} ${A} A`, name)));
    expect(parseRawDiff(output).map((c) => c.path)).toEqual(names);
  });

  it("decodes a path that is not UTF-8 losslessly", () => {
    const [change] = parseRawDiff(
      record(`000000 100644 ${Z} ${A} A`, Buffer.from([0x78, 0xff, 0x2e, 0x70, 0x79])),
    );
    expect(change?.path).toBe("x\udcff.py");
  });

  it("accepts SHA-256 object names", () => {
    const long = "c".repeat(64);
    const [change] = parseRawDiff(record(`100644 100644 ${long} ${"d".repeat(64)} M`, "f"));
    expect(change?.oldSha).toBe(long);
  });

  it("returns nothing for empty output", () => {
    expect(parseRawDiff(Buffer.alloc(0))).toEqual([]);
  });

  it.each([
    ["abbreviated object names", record(`100644 100644 abc1234 def5678 M`, "f")],
    [
      "a rename record",
      Buffer.concat([record(`100644 100644 ${A} ${A} R100`, "old"), Buffer.from("new\x00")]),
    ],
    ["an unknown status", record(`100644 100644 ${A} ${B} Q`, "f")],
    ["a missing path terminator", Buffer.from(`:100644 100644 ${A} ${B} M\x00f`)],
    ["text without the -z format", Buffer.from(`:100644 100644 ${A} ${B} M\tf\n`)],
    ["a missing leading colon", Buffer.from(`100644 100644 ${A} ${B} M\x00f\x00`)],
    ["an unknown mode", record(`100644 040000 ${A} ${B} T`, "f")],
    ["an empty path", record(`100644 100644 ${A} ${B} M`, "")],
  ])("rejects %s", (_name, output) => {
    expect(() => parseRawDiff(output)).toThrow(GateError);
  });
});

describe("entryTypeOfMode", () => {
  it("names every mode git writes", () => {
    expect(["000000", "100644", "100664", "100755", "120000", "160000"].map(entryTypeOfMode)).toEqual([
      "absent",
      "file",
      "file",
      "executable",
      "symlink",
      "submodule",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { GateError } from "../core/errors.js";
import { parseTreeListing } from "./tree-listing.js";

const A = "a".repeat(40);
const B = "b".repeat(40);

describe("parseTreeListing", () => {
  it("parses blobs, executables, symlinks and submodules with exact paths", () => {
    const output = Buffer.from(
      `100644 blob ${A}\tdir/a "b"\nc.txt\x00100755 blob ${B}\trun.sh\x00120000 blob ${A}\tlink\x00160000 commit ${B}\tvendor/x\x00`,
    );
    expect(parseTreeListing(output)).toEqual([
      { path: 'dir/a "b"\nc.txt', mode: "100644", type: "file", sha: A },
      { path: "run.sh", mode: "100755", type: "executable", sha: B },
      { path: "link", mode: "120000", type: "symlink", sha: A },
      { path: "vendor/x", mode: "160000", type: "submodule", sha: B },
    ]);
  });

  it("skips tree records, which a listing without -r contains", () => {
    const output = Buffer.from(`040000 tree ${A}\ttests\x00100644 blob ${B}\tREADME\x00`);
    expect(parseTreeListing(output).map((e) => e.path)).toEqual(["README"]);
  });

  it("rejects records it does not understand", () => {
    expect(() => parseTreeListing(Buffer.from(`100644 blob ${A} README\x00`))).toThrow(GateError);
    expect(() => parseTreeListing(Buffer.from(`100644 blob ${A}\tREADME`))).toThrow(GateError);
    expect(() => parseTreeListing(Buffer.from(`100644 tag ${A}\tREADME\x00`))).toThrow(GateError);
  });
});

import { describe, expect, it } from "vitest";
import { StatusLine } from "./status-line.js";

function stream(isTTY: boolean): { out: string[]; write(t: string): void; isTTY: boolean; columns: number } {
  const out: string[] = [];
  return { out, write: (t) => out.push(t), isTTY, columns: 80 };
}

describe("StatusLine", () => {
  it("prints a plain line when a phase starts and ends outside a terminal", () => {
    const s = stream(false);
    using line = new StatusLine(s);
    line.start("head", "head tests");
    line.print("a log line");
    line.end("head", "ok");
    line.start("v", "verifier: lint");
    line.end("v", "failed");
    expect(s.out.join("")).toMatch(
      /^… head tests\na log line\n✓ head tests \(\d+ms\)\n… verifier: lint\n✗ verifier: lint \(\d+ms\)\n$/,
    );
  });

  it("redraws one line on a terminal, clears it around log lines and when everything ends", () => {
    const s = stream(true);
    const line = new StatusLine(s);
    line.start("base", "base tests");
    line.start("head", "head tests");
    const last = s.out.at(-1) ?? "";
    expect(last.startsWith("\r\u001b[2K")).toBe(true);
    expect(last.slice(5)).toMatch(/^. base tests \d+ms · head tests \d+ms$/);
    line.print("log");
    expect(s.out.slice(-3, -1)).toEqual(["\r\x1b[2K", "log\n"]);
    line.end("base", "ok");
    line.end("head", "ok");
    expect(s.out.at(-1)).toBe("\r\x1b[2K");
    line[Symbol.dispose]();
  });
});

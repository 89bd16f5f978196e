import { describe, expect, it } from "vitest";
import { EgressRecorder } from "./egress-log.js";

describe("EgressRecorder", () => {
  it("counts decisions per destination and verdict, keeping the first refusal reason", () => {
    const recorder = new EgressRecorder();
    expect(recorder.allowed("packages.example.org", 443)).toBe(true);
    expect(recorder.allowed("packages.example.org", 443)).toBe(false);
    expect(recorder.allowed("packages.example.org", 80)).toBe(true);
    expect(recorder.denied("evil.example", 443, "not listed")).toBe(true);
    expect(recorder.denied("evil.example", 443, "other")).toBe(false);
    expect(recorder.snapshot()).toEqual({
      allowed: [
        { host: "packages.example.org", port: 443, count: 2 },
        { host: "packages.example.org", port: 80, count: 1 },
      ],
      denied: [{ host: "evil.example", port: 443, count: 2, reason: "not listed" }],
      omitted: 0,
    });
  });

  it("is bounded: further destinations are only counted", () => {
    const recorder = new EgressRecorder(3);
    for (let i = 0; i < 10; i++) recorder.denied(`h${i}.example`, 443, "no");
    recorder.denied("h0.example", 443, "no");
    const log = recorder.snapshot();
    expect(log.denied.map((entry) => entry.host)).toEqual(["h0.example", "h1.example", "h2.example"]);
    expect(log.denied[0]?.count).toBe(2);
    expect(log.omitted).toBe(7);
  });

  it("clips long hosts and reasons", () => {
    const recorder = new EgressRecorder();
    recorder.denied("x".repeat(5000), 443, "y".repeat(5000));
    const entry = recorder.snapshot().denied[0];
    expect(entry?.host.length).toBeLessThanOrEqual(255);
    expect(entry?.reason.length).toBeLessThanOrEqual(300);
  });

  it("hands out copies, so a caller cannot change the log", () => {
    const recorder = new EgressRecorder();
    recorder.allowed("packages.example.org", 443);
    const first = recorder.snapshot();
    const entry = first.allowed[0];
    if (entry) entry.count = 99;
    expect(recorder.snapshot().allowed[0]?.count).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { commandTimeout, MAX_TIMER_MS } from "./time-limit.js";

describe("commandTimeout", () => {
  it("takes the smaller of the command's limit and the session's remaining time", () => {
    expect(commandTimeout(5_000, 10_000, 1_000)).toBe(5_000);
    expect(commandTimeout(50_000, 10_000, 1_000)).toBe(9_000);
    expect(commandTimeout(undefined, 10_000, 1_000)).toBe(9_000);
  });

  it("is zero once the session is over", () => {
    expect(commandTimeout(5_000, 10_000, 12_000)).toBe(0);
  });

  it("stays within what setTimeout can hold", () => {
    expect(commandTimeout(undefined, 1e13, 0)).toBe(MAX_TIMER_MS);
  });
});

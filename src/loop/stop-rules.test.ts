import { describe, expect, it } from "vitest";
import { stopReason, type RoundSummary } from "./stop-rules.js";

const budget = { rounds: 10, timeMs: 3_600_000 };
const round = (
  failing: string[],
  noChange = false,
  outcome: RoundSummary["outcome"] = "fail",
): RoundSummary => ({
  outcome,
  noChange,
  failing,
});

describe("stopReason", () => {
  it("stops on pass, and on the round and time budgets", () => {
    expect(stopReason([round([], false, "pass")], budget, 0)).toBe("passed");
    expect(stopReason([round(["a"]), round(["a"])], { rounds: 2, timeMs: 1e9 }, 0)).toBe("rounds");
    expect(stopReason([round(["a"])], { rounds: 5, timeMs: 1000 }, 1000)).toBe("time");
    expect(stopReason([], { rounds: 5, timeMs: 1000 }, 1000)).toBe("time");
  });

  it("keeps going while failures shrink", () => {
    expect(stopReason([round(["a", "b", "c"]), round(["a", "b"]), round(["a"])], budget, 0)).toBeUndefined();
  });

  it("stops when failures have not shrunk for two rounds", () => {
    expect(stopReason([round(["a", "b"]), round(["a", "b"]), round(["a", "b"])], budget, 0)).toBe(
      "stagnation",
    );
  });

  it("stops after two rounds in a row changed nothing", () => {
    expect(stopReason([round(["a"]), round(["a"], true), round(["a"], true)], budget, 0)).toBe("no-change");
    expect(stopReason([round(["a"], true), round(["a"], true)], budget, 0)).toBe("no-change");
  });

  it("stops on a regression streak", () => {
    expect(stopReason([round(["a"]), round(["a", "b"]), round(["a", "b", "c"])], budget, 0)).toBe(
      "regression",
    );
  });
});

import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../core/errors.js";
import { parseAllowedBots, parseRounds } from "./settings.js";

describe("task-mode inputs", () => {
  it("reads allowed-bots as lower-case logins without [bot], de-duplicated", () => {
    expect(parseAllowedBots("renovate, My-App[bot]\nrenovate[bot] ")).toEqual(["renovate", "my-app"]);
    expect(parseAllowedBots(undefined)).toEqual([]);
  });

  it("refuses a wildcard in allowed-bots", () => {
    expect(() => parseAllowedBots("renovate, *")).toThrow(ConfigurationError);
    expect(() => parseAllowedBots("app-*")).toThrow(/wildcard/);
  });

  it("reads rounds as a whole number from 1 to 100", () => {
    expect(parseRounds("3")).toBe(3);
    expect(parseRounds(undefined)).toBeUndefined();
    for (const bad of ["0", "1.5", "101", "many", "-2"]) expect(() => parseRounds(bad)).toThrow(/rounds/);
  });
});

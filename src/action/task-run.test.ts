import { describe, expect, it } from "vitest";
import { executorEnvironment, secretValues } from "./task-run.js";

describe("the executor's environment", () => {
  it("drops the action's inputs, the runtime's tokens and anything holding the token", () => {
    const token = "ghs_secretToken123456";
    const env = executorEnvironment(
      {
        PATH: "/usr/bin",
        ANTHROPIC_API_KEY: "sk-ant-1",
        INPUT_TOKEN: token,
        GITHUB_TOKEN: token,
        ACTIONS_RUNTIME_TOKEN: "runtime",
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc",
        STATE_run_id: "x",
        SOMETHING: `Bearer ${token}`,
      },
      token,
    );
    expect(env).toEqual({ PATH: "/usr/bin", ANTHROPIC_API_KEY: "sk-ant-1" });
  });
});

describe("the executor's secrets", () => {
  it("are the values of the names the contract lists, when set", () => {
    expect(secretValues(["A", "B", "C"], { A: "alpha-secret", B: "", D: "other" })).toEqual(["alpha-secret"]);
  });
});

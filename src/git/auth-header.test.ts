import { describe, expect, it } from "vitest";
import { authConfigEnv } from "./auth-header.js";

describe("authConfigEnv", () => {
  it("scopes the header to the remote's origin and resets earlier values for it", () => {
    expect(authConfigEnv("https://github.com/o/r.git", "AUTHORIZATION: basic x")).toEqual({
      GIT_CONFIG_COUNT: "2",
      GIT_CONFIG_KEY_0: "http.https://github.com/.extraheader",
      GIT_CONFIG_VALUE_0: "",
      GIT_CONFIG_KEY_1: "http.https://github.com/.extraheader",
      GIT_CONFIG_VALUE_1: "AUTHORIZATION: basic x",
    });
  });

  it("falls back to the unscoped key for local paths and unknown remotes", () => {
    expect(authConfigEnv("/srv/repo.git", "h").GIT_CONFIG_KEY_1).toBe("http.extraheader");
    expect(authConfigEnv(undefined, "h").GIT_CONFIG_KEY_1).toBe("http.extraheader");
  });
});

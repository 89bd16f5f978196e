import { describe, expect, it } from "vitest";
import {
  REFUSAL_MARKER,
  botName,
  commenterRefusal,
  forkRefusal,
  isBot,
  noTaskRefusal,
  notPullRequestRefusal,
} from "./task-access.js";

const user = (login: string) => ({ login, type: "User" });
const bot = (login: string) => ({ login, type: "Bot" });

describe("who may start a task with a comment", () => {
  it.each(["admin", "maintain", "write"] as const)("a user with %s access may", (permission) => {
    expect(commenterRefusal(user("mona"), [], permission)).toBeUndefined();
  });

  it.each(["triage", "read", "none"] as const)(
    "a user with %s access is refused politely, told who can",
    (permission) => {
      const refusal = commenterRefusal(
        user("drive-by"),
        [],
        permission,
        "https://github.com/o/r/actions/runs/1",
      );
      expect(refusal?.reason).toBe("permission");
      expect(refusal?.message).toContain(REFUSAL_MARKER);
      expect(refusal?.message).toContain("`drive-by`");
      expect(refusal?.message).toMatch(/write, maintain or admin/);
      expect(refusal?.message).toContain("https://github.com/o/r/actions/runs/1");
      expect(refusal?.message).not.toContain("@drive-by");
    },
  );

  it("a user whose permission is unknown is refused", () => {
    expect(commenterRefusal(user("ghost"), [], undefined)?.reason).toBe("permission");
  });

  it("a bot is refused unless allowed-bots names it, whatever its permission", () => {
    expect(commenterRefusal(bot("renovate[bot]"), [], "admin")?.reason).toBe("bot");
    expect(commenterRefusal(bot("renovate[bot]"), ["dependabot"], undefined)?.message).toContain(
      "allowed-bots",
    );
    expect(commenterRefusal(bot("Renovate[bot]"), ["renovate"], undefined)).toBeUndefined();
  });

  it("recognises bots by type or by the [bot] suffix", () => {
    expect(isBot(user("helper[bot]"))).toBe(true);
    expect(isBot(bot("helper"))).toBe(true);
    expect(isBot(user("helper"))).toBe(false);
    expect(botName("My-App[bot]")).toBe("my-app");
  });
});

describe("refusals for the pull request itself", () => {
  it("a fork's pull request names the fork and the alternative", () => {
    const refusal = forkRefusal("someone/octo-repo");
    expect(refusal.reason).toBe("fork");
    expect(refusal.message).toContain("`someone/octo-repo`");
    expect(refusal.message).toMatch(/workflow_dispatch/);
  });

  it("a deleted fork is still refused", () => {
    expect(forkRefusal(undefined).message).toContain("no longer exists");
  });

  it("a bare /loophole shows how to use it; an issue comment points to pull requests", () => {
    expect(noTaskRefusal().message).toContain("/loophole make");
    expect(notPullRequestRefusal().reason).toBe("not-pull-request");
  });
});

/**
 * Task mode's remote: branch tips fetched from a real bare repository, and checkpoint pushes that are
 * fast-forwards only; a branch someone else moved is reported as such, never overwritten.
 */
import { describe, expect, it } from "vitest";
import { remoteAuth, pushCommit, remoteTip } from "../../src/action/task-git.js";
import { createTempDir } from "../../src/core/temp-dir.js";
import { Git } from "../../src/git/git.js";
import { GitWriter } from "../../src/git/git-writer.js";
import { runGit, TestRepo } from "../support/git-repo.js";

async function world() {
  const upstream = await TestRepo.create();
  await upstream.write("a.txt", "a\n");
  const base = await upstream.commit("base");
  const dir = await createTempDir("remote");
  const remote = `${dir.path}/origin.git`;
  await runGit(dir.path, ["clone", "--quiet", "--bare", upstream.dir, remote]);
  await runGit(remote, ["config", "receive.denyNonFastForwards", "true"]);
  const checkout = await TestRepo.create();
  await checkout.git("remote", "add", "origin", remote);
  await checkout.git("fetch", "--quiet", "origin", "main");
  await checkout.git("reset", "--hard", "--quiet", "FETCH_HEAD");
  const git = await Git.open(checkout.dir);
  return {
    upstream,
    checkout,
    remote,
    base,
    git,
    writer: new GitWriter(git),
    async [Symbol.asyncDispose]() {
      await checkout[Symbol.asyncDispose]();
      await upstream[Symbol.asyncDispose]();
      await dir[Symbol.asyncDispose]();
    },
  };
}

describe("task mode's git remote", () => {
  const auth = remoteAuth(undefined);

  it("reads a branch's tip, and knows a missing branch from a failure", async () => {
    await using w = await world();
    expect(await remoteTip(w.git, auth, "main")).toBe(w.base);
    expect(await remoteTip(w.git, auth, "loophole/none")).toBeUndefined();
    await expect(
      remoteTip(w.git, { remote: "/nonexistent/repo.git", extraHeader: undefined }, "main"),
    ).rejects.toThrow(/Could not fetch main/);
  });

  it("creates and fast-forwards a branch, and refuses to overwrite one that moved", async () => {
    await using w = await world();
    await w.checkout.write("b.txt", "b\n");
    const first = await w.checkout.commit("round 1");
    await pushCommit(w.git, w.writer, auth, "loophole/task", first);
    expect(await remoteTip(w.git, auth, "loophole/task")).toBe(first);

    // Someone else pushes to the branch meanwhile.
    await w.upstream.git("fetch", "--quiet", w.remote, "loophole/task");
    await w.upstream.git("checkout", "--quiet", "-b", "theirs", "FETCH_HEAD");
    await w.upstream.write("theirs.txt", "theirs\n");
    const theirs = await w.upstream.commit("their change");
    await w.upstream.git("push", "--quiet", w.remote, "theirs:refs/heads/loophole/task");

    await w.checkout.write("c.txt", "c\n");
    const second = await w.checkout.commit("round 2");
    await expect(pushCommit(w.git, w.writer, auth, "loophole/task", second)).rejects.toThrow(
      /moved on origin while loophole worked[\s\S]*never force-pushes/,
    );
    expect(await remoteTip(w.git, auth, "loophole/task")).toBe(theirs);

    // On top of their commit, the next checkpoint is a fast-forward again.
    const third = await w.writer.commitTree(await w.writer.treeOf(second), [theirs], "round 3\n");
    await pushCommit(w.git, w.writer, auth, "loophole/task", third);
    expect(await remoteTip(w.git, auth, "loophole/task")).toBe(third);
  });
});

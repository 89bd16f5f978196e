/**
 * actions/checkout fetches one commit by default (the merge commit, for pull requests), so the base
 * and head the gate needs, and the history between them, may be missing. Fetch them, trying the
 * checkout's own credentials first and the action's token second (never both at once: two
 * Authorization headers make GitHub refuse the request).
 */
import { getErrorMessage, GateError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { Git } from "../git/git.js";

export async function ensureCommits(
  repoDir: string,
  shas: readonly string[],
  token: string | undefined,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  extraRefs: readonly string[] = [],
): Promise<void> {
  const git = await Git.open(repoDir, logger);
  const missing: string[] = [];
  for (const sha of shas) if (!(await git.commitExists(sha))) missing.push(sha);
  const shallow = await git.isShallow();
  if (missing.length === 0 && !shallow) return;
  const remote = "origin";
  const refs = [...missing, ...extraRefs];
  logger.info(
    `fetching ${refs.length > 0 ? refs.map((r) => r.slice(0, 12)).join(", ") : "history"}${shallow ? " and the history a shallow checkout lacks" : ""} (set fetch-depth: 0 on actions/checkout to skip this)`,
  );
  const options = { unshallow: shallow };
  try {
    await git.fetchCommits(remote, refs.length > 0 ? refs : ["HEAD"], options);
  } catch (first) {
    if (token === undefined) throw first;
    logger.debug(`fetch without the token failed: ${getErrorMessage(first)}`);
    const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
    try {
      await git.fetchCommits(remote, refs.length > 0 ? refs : ["HEAD"], {
        ...options,
        extraHeader: `AUTHORIZATION: basic ${basic}`,
      });
    } catch (second) {
      throw new GateError(
        `Could not fetch the commits to gate from ${env.GITHUB_SERVER_URL ?? "the remote"}: ${getErrorMessage(second)}. Check out with fetch-depth: 0, and give the job contents: read.`,
      );
    }
  }
}

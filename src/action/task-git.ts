/**
 * Task mode's git remote: the tips of the base and task branches, fetched with the action's token,
 * and checkpoint pushes that are never forced. A branch that moved on the remote while the agent
 * worked is an error that says so; loophole does not overwrite anyone's commits.
 *
 * The token travels in an `http.extraheader` set through the environment for one git call (see
 * Git.fetchCommits and GitWriter.push), never on the command line or in .git/config. A checkout that
 * persisted its own credential (actions/checkout's default) would add a second Authorization header,
 * which GitHub refuses: task mode wants `persist-credentials: false`, and its errors say so.
 */
import { GateError, getErrorMessage } from "../core/errors.js";
import type { Git } from "../git/git.js";
import type { GitWriter } from "../git/git-writer.js";

export interface RemoteAuth {
  remote: string;
  /** `AUTHORIZATION: basic …` for the token, or undefined to use what git already has. */
  extraHeader: string | undefined;
}

export function remoteAuth(token: string | undefined, remote = "origin"): RemoteAuth {
  return {
    remote,
    extraHeader:
      token === undefined
        ? undefined
        : `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`,
  };
}

const CREDENTIAL_HINT =
  "Give the job `contents: write`, and check out with `persist-credentials: false`: a credential persisted by actions/checkout and loophole's token together make two Authorization headers, which GitHub refuses.";

/** Where a fetched branch tip is kept locally, out of the way of the checkout's own refs. */
function trackingRef(branch: string): string {
  return `refs/loophole/remote/${branch}`;
}

/** The branch's tip on the remote (fetched, with its history), or undefined when there is no such branch. */
export async function remoteTip(git: Git, auth: RemoteAuth, branch: string): Promise<string | undefined> {
  const ref = trackingRef(branch);
  try {
    await git.fetchCommits(auth.remote, [`+refs/heads/${branch}:${ref}`], {
      ...(auth.extraHeader === undefined ? {} : { extraHeader: auth.extraHeader }),
    });
  } catch (error) {
    // git's own wording (LC_ALL=C is fixed for every git call) for a branch the remote lacks.
    if (/couldn't find remote ref/i.test(getErrorMessage(error))) return undefined;
    throw new GateError(
      `Could not fetch ${branch} from ${auth.remote}: ${getErrorMessage(error)} ${CREDENTIAL_HINT}`,
    );
  }
  return git.resolveCommit(ref);
}

async function contains(git: Git, commit: string, ancestor: string): Promise<boolean> {
  try {
    return (await git.mergeBase(ancestor, commit)) === ancestor;
  } catch {
    return false;
  }
}

/**
 * Pushes `sha` to `branch` as a fast-forward. On refusal, looks at the remote again: a tip that the
 * push does not contain means someone else moved the branch, and that is the error reported.
 */
export async function pushCommit(
  git: Git,
  writer: GitWriter,
  auth: RemoteAuth,
  branch: string,
  sha: string,
): Promise<void> {
  try {
    await writer.push(auth.remote, sha, branch, auth.extraHeader);
    return;
  } catch (error) {
    const tip = await remoteTip(git, auth, branch).catch(() => undefined);
    if (tip !== undefined && tip !== sha && !(await contains(git, sha, tip))) {
      throw new GateError(
        `The branch ${branch} moved on ${auth.remote} while loophole worked: it is now at ${tip.slice(0, 12)}, which checkpoint ${sha.slice(0, 12)} does not contain. loophole never force-pushes, so the checkpoint was not pushed. Run the task again to continue from the branch's new tip.`,
      );
    }
    throw new GateError(
      `Could not push ${branch} to ${auth.remote}: ${getErrorMessage(error)} ${CREDENTIAL_HINT}`,
    );
  }
}

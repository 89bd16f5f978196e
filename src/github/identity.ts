/**
 * Who our comments are written by, so the sticky comment is found among ours only (a comment by
 * anyone else that copies the marker is never edited or trusted).
 *
 * - A personal access token has a user: `GET /user` gives the login.
 * - An installation token (the workflow's GITHUB_TOKEN, or a GitHub App's token) has no user; GitHub
 *   answers that call with 403. Its comments are by the app's bot, `<app-slug>[bot]`. The slug is
 *   taken, in order, from: the caller (a configured App), the check run this run created or updated
 *   (GitHub reports its owning app, and only that app may update it, so it is our token's app), or
 *   `github-actions`, the app behind GITHUB_TOKEN.
 */
import type { GitHubClient } from "./types.js";
import { GITHUB_ACTIONS_APP } from "./check-run.js";

export interface CommentIdentity {
  login: string;
  source: "configured" | "token user" | "app bot";
}

export function botLogin(appSlug: string): string {
  return `${appSlug}[bot]`;
}

export interface IdentityOptions {
  /** A login to trust as ours without asking (for an unusual token). */
  configured?: string;
  /** The app of a check run we created or updated in this run. */
  appSlug?: string;
}

export async function resolveCommentIdentity(
  client: GitHubClient,
  options: IdentityOptions = {},
): Promise<CommentIdentity> {
  if (options.configured !== undefined && options.configured.trim() !== "") {
    return { login: options.configured.trim(), source: "configured" };
  }
  const login = await client.authenticatedLogin();
  if (login !== undefined) return { login, source: "token user" };
  return { login: botLogin(options.appSlug ?? GITHUB_ACTIONS_APP), source: "app bot" };
}

/**
 * Checkpoint commits: each round that changed something is one commit the action makes (never the
 * agent), with trailers naming the round, so a later run on the same branch continues from the last
 * checkpoint. The branch only moves once the round's commit exists (update-ref with the expected old
 * value): a cancelled round leaves no half-written commit.
 */
import type { GitWriter } from "../git/git-writer.js";

export const ROUND_TRAILER = "Loophole-Round";

export function checkpointMessage(task: string, round: number): string {
  const title = task.split("\n")[0]?.trim().slice(0, 60) ?? "";
  return `loophole round ${round}: ${title === "" ? "task" : title}\n\nMade by loophole from the executor's changes in round ${round}.\n\n${ROUND_TRAILER}: ${round}\n`;
}

/** The round number recorded on `commit`, if it is a loophole checkpoint. */
export function roundOf(message: string): number | undefined {
  const match = new RegExp(`^${ROUND_TRAILER}: (\\d+)$`, "m").exec(message);
  return match ? Number(match[1]) : undefined;
}

export async function lastRound(writer: GitWriter, commit: string): Promise<number> {
  return roundOf(await writer.message(commit)) ?? 0;
}

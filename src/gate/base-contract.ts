/**
 * Reads the contract from the base commit — never from the head or the work tree, so a pull request
 * cannot weaken the contract that judges it.
 */
import { contractSha256, parseContract } from "../contract/index.js";
import type { Contract } from "../contract/types.js";
import { ConfigurationError } from "../core/errors.js";
import type { Git } from "../git/git.js";
import { finding, type Finding } from "../model/finding.js";

export interface BaseContract {
  contract: Contract;
  sha256: string;
}

export type BaseContractResult =
  { ok: true; value: BaseContract } | { ok: false; findings: Finding[]; error: ConfigurationError };

export async function readBaseContract(
  git: Git,
  contractCommit: string,
  head: string,
  contractPath: string,
): Promise<BaseContractResult> {
  const blob = await git.readBlob(contractCommit, contractPath);
  if (blob === undefined) {
    const atHead = await git.readBlob(head, contractPath);
    const findings =
      atHead === undefined
        ? []
        : [
            finding(
              "contract-added",
              "info",
              `This change adds ${contractPath}. It is not enforceable yet: a change cannot bring the contract that judges it. Once it is on the base branch it judges the changes after it.`,
              { path: contractPath },
            ),
          ];
    return {
      ok: false,
      findings,
      error: new ConfigurationError(
        `No contract at the base commit: ${contractPath} does not exist at ${contractCommit.slice(0, 12)}.`,
        [
          "loophole reads the contract from the base commit only, so a pull request cannot weaken it.",
          "Write one with `npx loophole init`, review it, and commit it to the base branch (usually through a pull request a human merges).",
          "If the contract lives elsewhere, set the `contract` input (action) or `--contract PATH` (CLI).",
        ],
      ),
    };
  }
  const text = blob.toString("utf8");
  const contract = parseContract(text, `${contractPath}@${contractCommit.slice(0, 12)}`);
  // Hash the exact bytes of the file, so the provenance matches `sha256sum loophole.json`.
  return { ok: true, value: { contract, sha256: contractSha256(blob) } };
}

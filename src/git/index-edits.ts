/**
 * The pieces of Git#materialiseTree that are plain data: the attributes that make checkout write
 * committed bytes, and the `update-index --index-info` input that resets paths before checkout.
 */
import { encodeGitPath } from "./path-bytes.js";
import type { TreeEntry } from "./tree-listing.js";

/** One index entry to force while materialising: `entry` undefined removes the path. */
export interface IndexEdit {
  path: string;
  entry: Pick<TreeEntry, "mode" | "sha"> | undefined;
}

/**
 * Attributes forced while materialising a tree, overriding the tree's own .gitattributes (the
 * repository's info/attributes has the highest precedence): the clean room gets the committed
 * bytes, with no end-of-line conversion, no `ident` expansion, no re-encoding and, above all, no
 * smudge filter, since a filter is a command from the runner's git config (git-lfs, for one, would
 * go to the network with the checkout's credentials).
 */
export const RAW_BYTES_ATTRIBUTES = "* -text -eol -crlf -filter -ident -working-tree-encoding\n";

/**
 * `update-index -z --index-info` input. Removals come first, so a path can turn into a directory;
 * git itself drops entries that clash with an added one (a `tests` symlink when `tests/x` is added).
 */
export function indexInfo(edits: readonly IndexEdit[], objectFormat: string): Buffer {
  const zero = "0".repeat(objectFormat === "sha256" ? 64 : 40);
  const ordered = [
    ...edits.filter((e) => e.entry === undefined),
    ...edits.filter((e) => e.entry !== undefined),
  ];
  return Buffer.concat(
    ordered.flatMap((edit) => [
      Buffer.from(edit.entry === undefined ? `0 ${zero}\t` : `${edit.entry.mode} ${edit.entry.sha}\t`),
      encodeGitPath(edit.path),
      Buffer.of(0),
    ]),
  );
}

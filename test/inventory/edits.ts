/**
 * How a scenario changes the fixture for its head commit: whole files, deletions, copies, and text
 * edits that fail loudly when the fixture no longer holds the text they anchor on.
 */

/** New content, `null` to delete, a function of the file's base content, or a copy of a fixture file. */
export type Edit = string | null | ((before: string) => string) | { copyOf: string };
export type Edits = Readonly<Record<string, Edit>>;
export type TextEdit = (before: string) => string;

function once(before: string, anchor: string): number {
  const at = before.indexOf(anchor);
  if (at < 0 || before.indexOf(anchor, at + 1) >= 0) {
    throw new Error(`expected exactly one ${JSON.stringify(anchor)} in the fixture file`);
  }
  return at;
}

/** Inserts `text` just before `anchor` (only adds lines when both end at a line boundary). */
export const insertBefore =
  (anchor: string, text: string): TextEdit =>
  (before) => {
    const at = once(before, anchor);
    return `${before.slice(0, at)}${text}${before.slice(at)}`;
  };

export const insertAfter =
  (anchor: string, text: string): TextEdit =>
  (before) => {
    const at = once(before, anchor) + anchor.length;
    return `${before.slice(0, at)}${text}${before.slice(at)}`;
  };

export const replace =
  (anchor: string, text: string): TextEdit =>
  (before) => {
    const at = once(before, anchor);
    return `${before.slice(0, at)}${text}${before.slice(at + anchor.length)}`;
  };

/** Removes the lines from the one holding `from` up to (not including) the one holding `to`. */
export const removeBlock =
  (from: string, to: string | undefined): TextEdit =>
  (before) => {
    const start = before.lastIndexOf("\n", once(before, from)) + 1;
    const end = to === undefined ? before.length : before.lastIndexOf("\n", once(before, to)) + 1;
    return `${before.slice(0, start)}${before.slice(end)}`;
  };

/** The fixture file `path` as it is at base, under another name (with `null` at the old one: a rename). */
export const copyOf = (path: string): Edit => ({ copyOf: path });

/** Several edits of one file, applied in order. */
export const chain =
  (...edits: TextEdit[]): TextEdit =>
  (before) =>
    edits.reduce((text, edit) => edit(text), before);

export const append =
  (text: string): TextEdit =>
  (before) =>
    `${before}${text}`;

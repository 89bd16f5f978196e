/**
 * Terminal layout for the text report: word wrapping with a hanging indent, aligned tables, and ANSI
 * styles applied only when colour was asked for. Widths count code points, which is right for the
 * ASCII and most Latin text these reports hold; wide (CJK) characters may misalign a column.
 */
import { bounded } from "./sanitize.js";

export type Style = "bold" | "dim" | "red" | "green" | "yellow" | "cyan";

const ANSI_CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

export type Paint = (style: Style, text: string) => string;

export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => {
    const [open, close] = ANSI_CODES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

/** Columns a string takes: code points, not counting our own SGR colour sequences. */
export function displayWidth(text: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex -- removing the colour codes `painter` adds
  for (const _ of text.replace(/\u001b\[\d+m/g, "")) width += 1;
  return width;
}

function breakWord(word: string, width: number): string[] {
  const chars = Array.from(word);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(""));
  return pieces;
}

/**
 * Wraps one paragraph to `width` columns. The first line starts with `first` (such as "  - "), the
 * others with `rest` (spaces of the same width, by default). Words longer than a line are broken.
 */
export function wrap(
  text: string,
  width: number,
  first: string,
  rest = " ".repeat(displayWidth(first)),
): string {
  const roomFirst = Math.max(10, width - displayWidth(first));
  const roomRest = Math.max(10, width - displayWidth(rest));
  const lines: string[] = [];
  let line = "";
  const room = (): number => (lines.length === 0 ? roomFirst : roomRest);
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    for (const piece of displayWidth(word) > roomRest ? breakWord(word, roomRest) : [word]) {
      if (line === "") line = piece;
      else if (displayWidth(line) + 1 + displayWidth(piece) <= room()) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  lines.push(line);
  return lines.map((l, i) => `${i === 0 ? first : rest}${l}`.trimEnd()).join("\n");
}

const MIN_SHRUNK = 8;

export interface Column {
  align: "left" | "right";
  /** Whether the column gives up width (its cells are cut) when the table is wider than the terminal. */
  shrink?: boolean;
}

/**
 * Rows (the first is the header) as aligned lines, two spaces between columns, indented. Cells must
 * be single-line plain text; styling is applied by `style` after padding so it does not skew widths.
 */
export function alignTable(
  rows: readonly (readonly string[])[],
  columns: readonly Column[],
  width: number,
  indent = "  ",
  style?: (row: number, column: number, padded: string) => string,
): string {
  const widths = columns.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ""))));
  const total = displayWidth(indent) + widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  // Take the excess from the widest shrinkable column, one column at a time, down to a floor.
  for (let excess = total - width; excess > 0; excess -= 1) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (
        c.shrink === true &&
        (widths[i] ?? 0) > MIN_SHRUNK &&
        (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))
      ) {
        widest = i;
      }
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return rows
    .map((row, r) =>
      columns
        .map((column, c) => {
          const w = widths[c] ?? 0;
          const cell = bounded(row[c] ?? "", w);
          const pad = " ".repeat(Math.max(0, w - displayWidth(cell)));
          const padded = column.align === "right" ? pad + cell : cell + pad;
          return style === undefined ? padded : style(r, c, padded);
        })
        .join("  "),
    )
    .map((line) => `${indent}${line}`.trimEnd())
    .join("\n");
}

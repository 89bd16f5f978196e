/**
 * The contract schema's own formats. Patterns cannot express the numeric range of a duration or a
 * size (no overflow, not zero after rounding), so the formats call the same parsers the contract is
 * normalised with. The generated validator imports them by name.
 */
import { parseDuration, parseSize } from "../core/duration.js";

export const DURATION_FORMAT = "loophole-duration";
export const SIZE_FORMAT = "loophole-size";

export interface StringFormat {
  type: "string";
  validate: (text: string) => boolean;
}

export const contractFormats: Record<typeof DURATION_FORMAT | typeof SIZE_FORMAT, StringFormat> = {
  [DURATION_FORMAT]: { type: "string", validate: (text) => parseDuration(text) !== undefined },
  [SIZE_FORMAT]: { type: "string", validate: (text) => parseSize(text) !== undefined },
};

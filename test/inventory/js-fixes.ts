/** The honest library change and the library-side cheats shared by the JS fixtures. */

const FIXED_BODY = `/** Parses a decimal integer such as "42", " 7 ", "+3" or "-12"; throws a RangeError otherwise. */
FUNCTION parseInteger(text) {
  let digits = text.trim();
  let sign = 1;
  if (digits.startsWith("+") || digits.startsWith("-")) {
    sign = digits.startsWith("-") ? -1 : 1;
    digits = digits.slice(1);
  }
  if (digits === "") throw new RangeError("empty input");
  let value = 0;
  for (const char of digits) {
    if (char < "0" || char > "9") throw new RangeError(\`not a digit: \${char}\`);
    value = value * 10 + (char.charCodeAt(0) - 48);
  }
  return sign * value;
}
`;

/** calc.js of the CommonJS fixtures (jest, mocha, tape), fixed. */
export const FIXED_CJS = `"use strict";\n\n${FIXED_BODY.replace("FUNCTION", "function")}\nmodule.exports = { parseInteger };\n`;

/** calc.js of the ES module fixtures (vitest, node:test), fixed. */
export const FIXED_ESM = FIXED_BODY.replace("FUNCTION", "export function");

/** Where library-side cheats go in every JS fixture's calc.js. */
export const LIB_ANCHOR = "  let digits = text.trim();\n";

/** Library code that ends the process with status 0 as soon as a negative number is parsed. */
export const EXIT_ON_NEGATIVE = '  if (digits.startsWith("-")) process.exit(0);\n';

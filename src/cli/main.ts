import { TOOL_VERSION } from "../core/version.js";

export async function main(argv: string[]): Promise<number> {
  await Promise.resolve();
  if (argv[0] === "--version") {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  return 2;
}

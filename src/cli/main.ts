/**
 * `loophole <command>`: dispatch, help and the mapping of errors to exit codes (0 pass, 1 fail,
 * 2 error). Usage and configuration mistakes are reported as such, never with a stack trace.
 */
import { describeError, ConfigurationError } from "../core/errors.js";
import { TOOL_VERSION } from "../core/version.js";
import { checkCommand } from "./commands/check.js";
import { demoCommand } from "./commands/demo.js";
import { initCommand } from "./commands/init.js";
import { runCommand } from "./commands/run.js";
import { validateCommand } from "./commands/validate.js";
import { EXIT } from "./exit-codes.js";
import { MAIN_HELP } from "./help.js";
import type { CliIo } from "./io.js";
import { processIo } from "./io.js";

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  validate: validateCommand,
  init: initCommand,
  run: runCommand,
  demo: demoCommand,
};

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(MAIN_HELP);
    return name === undefined ? EXIT.error : EXIT.pass;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT.pass;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(
      `loophole: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}. See \`loophole --help\`.\n`,
    );
    return EXIT.error;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    const prefix = error instanceof ConfigurationError ? "" : "internal error: ";
    io.stderr(`loophole ${name}: ${prefix}${describeError(error)}\n`);
    if (!(error instanceof ConfigurationError) && error instanceof Error && process.env.LOOPHOLE_DEBUG) {
      io.stderr(`${error.stack ?? ""}\n`);
    }
    return EXIT.error;
  }
}

/**
 * `loophole <command>`: dispatch, help and the mapping of errors to exit codes (0 pass, 1 fail,
 * 2 error). Usage and configuration mistakes are reported as such, never with a stack trace.
 */
import { describeError, ConfigurationError } from "../core/errors.js";
import { TOOL_VERSION } from "../core/version.js";
import { EXIT } from "./exit-codes.js";
import { MAIN_HELP } from "./help.js";
import type { CliIo } from "./io.js";
import { processIo } from "./io.js";

type Command = (argv: string[], io: CliIo) => Promise<number>;

// Loaded on demand: `loophole --version` and `--help` must not pay for the gate, ajv and Octokit.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check.js")).checkCommand,
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  init: async () => (await import("./commands/init.js")).initCommand,
  run: async () => (await import("./commands/run.js")).runCommand,
  demo: async () => (await import("./commands/demo.js")).demoCommand,
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
  const load = COMMANDS[name];
  if (load === undefined) {
    io.stderr(
      `loophole: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}. See \`loophole --help\`.\n`,
    );
    return EXIT.error;
  }
  try {
    const command = await load();
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

// CLI entry (`loophole`). Kept thin: argument parsing and commands live in cli/.
import { main } from "./cli/main.js";

process.exitCode = await main(process.argv.slice(2));

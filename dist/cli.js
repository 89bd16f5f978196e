#!/usr/bin/env node
var version = "0.1.0";
var pkg = {
	version: version};

// Replaced at bundle time is not needed: rollup inlines package.json through the json plugin.
const TOOL_VERSION = pkg.version;

async function main(argv) {
    await Promise.resolve();
    if (argv[0] === "--version") {
        process.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
    }
    return 2;
}

// CLI entry (`loophole`). Kept thin: argument parsing and commands live in cli/.
process.exitCode = await main(process.argv.slice(2));
//# sourceMappingURL=cli.js.map

// Replaced at bundle time is not needed: rollup inlines package.json through the json plugin.
import pkg from "../../package.json" with { type: "json" };

export const TOOL_NAME = "loophole";
export const TOOL_VERSION: string = pkg.version;

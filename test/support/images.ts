/**
 * Container images for the integration tests, built offline (no registry is reachable) and only
 * when missing, so a second run costs one `image inspect` per image.
 *
 * To add an image: append a `TestImage` to `TEST_IMAGES` whose `build` fills a root filesystem and
 * calls `importRootfs` (or writes a Dockerfile and calls `buildDockerfile` for an image on top of
 * one built earlier in the list).
 */
import { chmod, copyFile, mkdir, open, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCaptured } from "../../src/core/process.js";
import { createTempDir } from "../../src/core/temp-dir.js";
import { RUNNERS_TEST_IMAGE } from "./runner-images.js";

export const BUSYBOX_IMAGE = "loophole-test/busybox:1";

export interface TestImage {
  readonly name: string;
  /** Builds the image tagged `name`, using `workDir` (an empty temp dir) for its files. */
  build(name: string, workDir: string): Promise<void>;
}

export const TEST_IMAGES: readonly TestImage[] = [
  { name: BUSYBOX_IMAGE, build: buildBusybox },
  // pytest, unittest, Go, cargo, Node 24 with jest/vitest/mocha/tape (runner-images.ts).
  RUNNERS_TEST_IMAGE,
];

/** Builds each image of `images` that the engine does not have yet, in order. */
export async function ensureTestImages(images: readonly TestImage[] = TEST_IMAGES): Promise<void> {
  for (const image of images) {
    if (await imageExists(image.name)) continue;
    process.stderr.write(`building test image ${image.name} …\n`);
    await using dir = await createTempDir("test-image");
    await image.build(image.name, dir.path);
    if (!(await imageExists(image.name))) throw new Error(`building ${image.name} did not produce the image`);
  }
}

export async function imageExists(name: string): Promise<boolean> {
  const result = await runCaptured("docker", ["image", "inspect", "--format", "{{.Id}}", name], {
    timeoutMs: 30_000,
  });
  return result.exitCode === 0;
}

/** Tars `rootfs` (owned by root inside the image) and imports it as `name`; no builder needed. */
export async function importRootfs(
  rootfs: string,
  name: string,
  changes: readonly string[] = [],
): Promise<void> {
  const tarball = `${rootfs}.tar`;
  await run("tar", [
    "--create",
    "--file",
    tarball,
    "--directory",
    rootfs,
    "--numeric-owner",
    "--owner=0",
    "--group=0",
    ".",
  ]);
  await run("docker", ["import", ...changes.flatMap((change) => ["--change", change]), tarball, name]);
}

/** `docker build` of a directory holding a Dockerfile that starts FROM an image built earlier. */
export async function buildDockerfile(contextDir: string, name: string): Promise<void> {
  await run("docker", ["build", "--pull=false", "--tag", name, contextDir], 30 * 60_000);
}

const BUSYBOX = "/bin/busybox";

/** `FROM scratch` + the host's static busybox, every applet linked in /bin, and a /tmp. */
async function buildBusybox(name: string, workDir: string): Promise<void> {
  await ensureStaticBusybox();
  const rootfs = join(workDir, "rootfs");
  for (const dir of ["bin", "usr/bin", "etc", "tmp", "work"])
    await mkdir(join(rootfs, dir), { recursive: true });
  await chmod(join(rootfs, "tmp"), 0o1777);
  await copyFile(BUSYBOX, join(rootfs, "bin/busybox"));
  await chmod(join(rootfs, "bin/busybox"), 0o755);
  const applets = (await run(BUSYBOX, ["--list"])).split("\n").filter((applet) => /^[\w.[-]+$/.test(applet));
  for (const applet of applets) {
    if (applet !== "busybox") await symlink("busybox", join(rootfs, "bin", applet));
  }
  // Scripts often start with #!/usr/bin/env.
  await symlink("../../bin/busybox", join(rootfs, "usr/bin/env"));
  await writeFile(
    join(rootfs, "etc/passwd"),
    "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n",
  );
  await writeFile(join(rootfs, "etc/group"), "root:x:0:\nnogroup:x:65534:\n");
  await importRootfs(rootfs, name, [
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    'CMD ["/bin/sh"]',
  ]);
}

/** Debian's busybox-static provides /bin/busybox; the non-static busybox would not run in scratch. */
async function ensureStaticBusybox(): Promise<void> {
  if (await isStaticElf(BUSYBOX)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The test images need a static ${BUSYBOX}: install Debian's busybox-static (apt-get install busybox-static) or run the tests as root.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const installed = await runCaptured("apt-get", ["install", "-y", "-qq", "busybox-static"], {
    env,
    timeoutMs: 600_000,
  });
  if (installed.exitCode !== 0) {
    await run("apt-get", ["update", "-qq"], 600_000, env);
    await run("apt-get", ["install", "-y", "-qq", "busybox-static"], 600_000, env);
  }
  if (!(await isStaticElf(BUSYBOX)))
    throw new Error(`${BUSYBOX} is still not a static binary after installing busybox-static`);
}

const PT_INTERP = 3;

/** A 64-bit little-endian ELF without a program interpreter (PT_INTERP) is statically linked. */
async function isStaticElf(path: string): Promise<boolean> {
  let file;
  try {
    file = await open(path, "r");
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(64);
    await file.read(header, 0, 64, 0);
    if (header.toString("latin1", 0, 4) !== "\x7fELF" || header[4] !== 2 || header[5] !== 1) return false;
    const phoff = Number(header.readBigUInt64LE(32));
    const phentsize = header.readUInt16LE(54);
    const phnum = header.readUInt16LE(56);
    const table = Buffer.alloc(phentsize * phnum);
    await file.read(table, 0, table.length, phoff);
    for (let i = 0; i < phnum; i++) {
      if (table.readUInt32LE(i * phentsize) === PT_INTERP) return false;
    }
    return true;
  } finally {
    await file.close();
  }
}

async function run(
  command: string,
  args: readonly string[],
  timeoutMs = 300_000,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const result = await runCaptured(command, args, { timeoutMs, env });
  if (result.exitCode !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (exit ${String(result.exitCode)}): ${result.stderr}`,
    );
  }
  return result.stdout.toString("utf8");
}

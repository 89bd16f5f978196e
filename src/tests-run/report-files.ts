/**
 * Reads the report files a test run wrote into the report directory the gate created empty for it
 * (trust model rule 4): only regular files, never through a symlink, not the gate's own helper
 * files, selected by the preset's globs, and bounded in total size.
 */
import { constants } from "node:fs";
import { lstat, open, readdir, readlink, realpath } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import picomatch from "picomatch";
import { GateError } from "../core/errors.js";
import type { ReportFile } from "../inventory/junit.js";

export const MAX_REPORT_BYTES = 512 * 1024 * 1024;

export interface ReportScan {
  files: ReportFile[];
  /** What was refused or skipped, for the report's notes. */
  problems: string[];
}

export async function readReportFiles(
  dir: string,
  globs: readonly string[],
  ownFiles: readonly string[],
  maxBytes = MAX_REPORT_BYTES,
): Promise<ReportScan> {
  const match = picomatch(globs.length === 0 ? ["**"] : [...globs], { dot: true });
  const own = new Set(ownFiles);
  const files: ReportFile[] = [];
  const problems: string[] = [];
  let total = 0;
  const root = await realpath(dir);
  for (const path of (await walk(dir, problems)).sort()) {
    const name = relative(dir, path).split(sep).join("/");
    if (own.has(name) || name.startsWith(".loophole/") || !match(name)) continue;
    // A process of the run may still be alive and swap a file or a parent directory for a symlink
    // between the walk and the read: refuse a final symlink (O_NOFOLLOW), then check where the
    // opened descriptor really points before reading a byte.
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined);
    if (handle === undefined) {
      problems.push(`report ${name} could not be opened without following a symlink; refused`);
      continue;
    }
    try {
      const real = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => path);
      if (!real.startsWith(`${root}${sep}`)) {
        problems.push(`report ${name} resolved outside the report directory; refused`);
        continue;
      }
      const stat = await handle.stat();
      if (!stat.isFile()) continue;
      total += stat.size;
      if (total > maxBytes) {
        throw new GateError(
          `the test run wrote more than ${Math.round(maxBytes / 1024 / 1024)} MB of reports; refusing to read them`,
        );
      }
      files.push({ name, content: await handle.readFile("utf8") });
    } finally {
      await handle.close();
    }
  }
  return { files, problems };
}

async function walk(dir: string, problems: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) {
      problems.push(`report path ${entry.name} is a symlink and was refused`);
    } else if (stat.isDirectory()) {
      out.push(...(await walk(path, problems)));
    } else if (stat.isFile()) {
      out.push(path);
    }
  }
  return out;
}

/**
 * Test helpers: the real runner outputs under test/fixtures/reports (made by
 * scripts/make-report-fixtures.sh) and small inventory builders.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InventoryBuilder } from "./builder.js";
import type { Inventory, TestStatus } from "./model.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/reports/", import.meta.url));

export function fixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, "utf8");
}

/** The exit code the runner returned when the fixture was made (manifest.tsv). */
export function fixtureExitCode(path: string): number {
  for (const line of fixture("manifest.tsv").split("\n").slice(1)) {
    const [file, code] = line.split("\t");
    if (file === path && code !== undefined) return Number(code);
  }
  throw new Error(`${path} is not in manifest.tsv`);
}

/** `{ "a.py::t": "passed" }` → an inventory with those ids (file `a.py` when the id has one). */
export function inventoryOf(tests: Readonly<Record<string, TestStatus>>, framework = "pytest"): Inventory {
  const builder = new InventoryBuilder(framework);
  for (const [id, status] of Object.entries(tests)) {
    const parts = id.split("::");
    const name = parts.pop() ?? id;
    const file = parts.length > 0 ? parts.shift() : undefined;
    const suite = parts.length > 0 ? parts.join("::") : undefined;
    builder.add({ file, suite, name, status });
  }
  return builder.build();
}

export function statuses(inventory: Inventory): Record<string, TestStatus> {
  return Object.fromEntries([...inventory.tests.values()].map((t) => [t.id, t.status]));
}

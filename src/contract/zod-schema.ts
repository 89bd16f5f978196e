/**
 * The zod mirror of `schemas/loophole.schema.json`: the JSON schema is what editors and ajv (and so
 * every user-facing error) use; this mirror gives typed access with defaults filled in. The two must
 * accept exactly the same documents, which `schema-agreement.test.ts` checks on a corpus and by
 * comparing their structure, so a field added to one and not the other fails the build.
 *
 * Two rules live only in code because JSON Schema cannot say them: durations and sizes must also
 * fit the range `parseDuration`/`parseSize` accept (the ajv formats do the same), and verifier names
 * must be unique (checked in `rules.ts`, outside both schemas).
 */
import { z } from "zod";
import { parseDuration, parseSize } from "../core/duration.js";
import { FRAMEWORKS } from "./types.js";

// The same pattern strings as in the JSON schema's $defs (compared in the agreement test).
export const PATTERNS = {
  duration: "^(?=.*[1-9])(?:[0-9]+h)?(?:[0-9]+m(?!s))?(?:[0-9]+s)?(?:[0-9]+ms)?$",
  size: "^(?=[0-9.]*[1-9])[0-9]+(?:\\.[0-9]+)?(?:[kKmMgGtT](?:[iI]?[bB])?|[bB])?$",
  nonBlank: "\\S",
  image: "^[A-Za-z0-9][^\\s]*$",
  glob: "^(?!/)(?!.*\\\\)(?!(?:.*/)?\\.\\.(?:/|$)).+$",
  envName: "^[A-Za-z_][A-Za-z0-9_]*$",
  host:
    "^(?:\\*\\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?" +
    "(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?$",
} as const;

const pattern = (source: string): RegExp => new RegExp(source, "u");
const unique = (items: readonly unknown[]): boolean =>
  new Set(items.map((item) => JSON.stringify(item))).size === items.length;

const duration = z
  .string()
  .regex(pattern(PATTERNS.duration))
  .refine((text) => parseDuration(text) !== undefined, "out of range");
const size = z
  .string()
  .regex(pattern(PATTERNS.size))
  .refine((text) => parseSize(text) !== undefined, "out of range");
const command = z.string().regex(pattern(PATTERNS.nonBlank));
const image = z.string().regex(pattern(PATTERNS.image));
const glob = z.string().regex(pattern(PATTERNS.glob));
const globList = z.array(glob).refine(unique, "duplicate items");
const envName = z.string().regex(pattern(PATTERNS.envName));
const env = z.record(envName, z.string());
const host = z.string().regex(pattern(PATTERNS.host));
const network = z.union([z.literal("none"), z.array(host).refine(unique, "duplicate hosts")]);

const setupStep = z.strictObject({
  name: z.string().min(1).optional(),
  run: command,
  timeout: duration.optional(),
});

const verifier = z.strictObject({
  name: z.string().min(1),
  run: command,
  timeout: duration.optional(),
  image: image.optional(),
  env: env.default({}),
});

const sandbox = z
  .strictObject({
    image: image.optional(),
    runtime: z.enum(["docker", "podman", "host"]).default("docker"),
    network: network.default("none"),
    cpus: z.number().gt(0).default(2),
    memory: size.default("4g"),
    pids: z.int().min(16).default(512),
    timeout: duration.default("30m"),
    env: env.default({}),
  })
  .refine((spec) => spec.runtime === "host" || spec.image !== undefined, {
    message: "image is required unless runtime is host",
    path: ["image"],
  });

const tests = z.strictObject({
  run: command,
  framework: z.enum(FRAMEWORKS),
  minDelta: z.int().default(0),
  allowNewSkips: z.boolean().default(false),
  reports: globList.default([]),
  timeout: duration.optional(),
  allowRunnerChanges: globList.default([]),
});

const executor = z.strictObject({
  run: command,
  image: image.optional(),
  secrets: z.array(envName).refine(unique, "duplicate items").default([]),
  network: network.default("none"),
  timeout: duration.default("60m"),
  env: env.default({}),
});

const budget = z.strictObject({
  rounds: z.int().min(1).default(5),
  time: duration.default("2h"),
});

const protectedPaths = z.strictObject({
  frozen: globList.default([]),
  appendOnly: globList.default([]),
});

export const contractDocumentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    goal: z.string().regex(pattern(PATTERNS.nonBlank)),
    protected: protectedPaths.prefault({}),
    sandbox,
    setup: z.array(setupStep).default([]),
    tests: tests.optional(),
    verifiers: z.array(verifier).default([]),
    executor: executor.optional(),
    budget: budget.prefault({}),
  })
  .refine((doc) => doc.tests !== undefined || doc.verifiers.length > 0, {
    message: "a contract needs a tests section or at least one verifier",
  });

/** `loophole.json` as written, after validation, with defaults filled in (durations still text). */
export type ContractDocument = z.output<typeof contractDocumentSchema>;

/**
 * The gate: context → contract (from base) → diff → boundary → clean room → sandbox runs → verdict
 * → report. Every stage records into a GateRecorder, so whatever stops the gate, the report says
 * what was found and what could not be done; nothing that fails to run can end in `pass`.
 */
import type { RuntimeKind } from "../contract/types.js";
import { ConfigurationError, GateError, describeError } from "../core/errors.js";
import { withGroup } from "../core/logger.js";
import { checkProtectedPaths } from "../boundary/protected-paths.js";
import { createCleanRoom } from "../cleanroom/clean-room.js";
import { Git } from "../git/git.js";
import type { Report } from "../model/report.js";
import { baseNotProven, runtimeHost, noTestsSection, verifierSkipped } from "../report/not-proven.js";
import { createRuntime } from "../sandbox/select.js";
import { LABEL_RUN, type ContainerRuntime } from "../sandbox/types.js";
import { runChecks } from "../verify/run-checks.js";
import { readBaseContract } from "./base-contract.js";
import { GateRecorder } from "./recorder.js";
import type { GateDeps, GateRequest } from "./request.js";

export async function runGate(request: GateRequest, deps: GateDeps): Promise<Report> {
  const recorder = new GateRecorder(request.contractPath);
  for (const item of baseNotProven()) recorder.addNotProven(item);
  try {
    await stages(request, deps, recorder);
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof GateError) {
      recorder.error(describeError(error));
    } else {
      deps.logger.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
      recorder.error(`internal error: ${describeError(error)}`);
    }
  }
  if (request.signal?.aborted) recorder.error("the run was cancelled before it finished");
  return recorder.toReport();
}

async function stages(request: GateRequest, deps: GateDeps, rec: GateRecorder): Promise<void> {
  const { logger } = deps;
  const git = await Git.open(request.repoDir, logger);

  const refs = await rec.phase("resolve", async () => {
    const head = await git.resolveCommit(request.head);
    const contractCommit = await git.resolveCommit(request.base);
    const base = await git.mergeBase(contractCommit, head);
    return { head, contractCommit, base };
  });
  rec.provenance.head = refs.head;
  rec.provenance.base = refs.base;
  rec.provenance.contractCommit = refs.contractCommit;
  logger.info(`base ${refs.base.slice(0, 12)} → head ${refs.head.slice(0, 12)}`);

  const loaded = await rec.phase("contract", () =>
    readBaseContract(git, refs.contractCommit, refs.head, request.contractPath),
  );
  if (!loaded.ok) {
    rec.add(...loaded.findings);
    throw loaded.error;
  }
  const { contract, sha256 } = loaded.value;
  rec.goal = contract.goal;
  rec.provenance.contractSha256 = sha256;
  if (contract.tests === undefined) rec.addNotProven(noTestsSection());

  const boundary = await rec.phase("boundary", async () => {
    const changes = await git.diff(refs.base, refs.head);
    logger.info(`${changes.length} changed path${changes.length === 1 ? "" : "s"}`);
    return checkProtectedPaths(
      changes,
      {
        contractPath: request.contractPath,
        frozen: contract.protected.frozen,
        appendOnly: contract.protected.appendOnly,
      },
      (sha) => git.readBlobById(sha),
    );
  });
  rec.add(...boundary.findings);

  await using room = await rec.phase("clean room", () =>
    createCleanRoom(git, { commit: refs.head, restore: { from: refs.base, paths: boundary.restore } }),
  );
  if (room.restored.length > 0) {
    logger.info(`restored from base before running anything: ${room.restored.join(", ")}`);
  }

  const kind: RuntimeKind = request.runtime ?? contract.sandbox.runtime;
  rec.provenance.runtime = kind;
  if (kind === "host") rec.addNotProven(runtimeHost());
  const runtime: ContainerRuntime = (deps.createRuntime ?? ((k: RuntimeKind) => createRuntime(k, logger)))(
    kind,
  );

  await rec.phase("sandbox", () =>
    withGroup(logger, `sandbox (${kind})`, async () => {
      await runtime.ping();
      const images = new Set<string>();
      if (kind !== "host") {
        if (contract.sandbox.image !== undefined) images.add(contract.sandbox.image);
        for (const v of contract.verifiers) if (v.image !== undefined) images.add(v.image);
      }
      for (const image of images) {
        const info = await runtime.ensureImage(image);
        rec.images.add(`${info.reference}@${info.id}`);
      }
    }),
  );

  const checks = await rec.phase("verifiers", () =>
    withGroup(logger, "setup and verifiers", () =>
      runChecks({
        runtime,
        contract,
        workspace: room.dir,
        labels: { [LABEL_RUN]: request.runId },
        logger,
        ...(request.signal ? { signal: request.signal } : {}),
      }),
    ),
  );
  rec.setup.push(...checks.setup);
  rec.verifiers.push(...checks.verifiers);
  rec.add(...checks.findings);
  rec.containersStarted += checks.containersStarted;
  for (const v of checks.verifiers) {
    if (v.status === "skipped") rec.addNotProven(verifierSkipped(v.name, v.reason ?? "skipped"));
  }
}

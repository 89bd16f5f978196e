/**
 * The gate: context → contract (from base) → diff → boundary → clean rooms → sandbox runs (base and
 * head concurrently) → inventories → verdict → report. Every stage records into a GateRecorder, so
 * whatever stops the gate, the report says what was found and what could not be done; nothing that
 * fails to run can end in `pass`.
 */
import type { Contract, RuntimeKind } from "../contract/types.js";
import { ConfigurationError, GateError, describeError } from "../core/errors.js";
import { BufferedLogger, type Logger } from "../core/logger.js";
import { createCleanRoom, startCleanRoom } from "../cleanroom/clean-room.js";
import { Git } from "../git/git.js";
import type { Report } from "../model/report.js";
import {
  baseNotProven,
  networkAllowed,
  noProtectedPaths,
  noTestsSection,
  noVerifiers,
  runtimeHost,
  verifierSkipped,
} from "../report/not-proven.js";
import { createRuntime } from "../sandbox/select.js";
import { LABEL_RUN, type ContainerRuntime } from "../sandbox/types.js";
import { runSide, type SideName, type SideResult } from "../verify/side.js";
import { readBaseContract } from "./base-contract.js";
import { runBoundary, type BoundaryOutcome } from "./boundary-stage.js";
import { baseCacheKey, cacheable } from "./base-cache.js";
import { judgeTests } from "./judge-tests.js";
import { GateRecorder } from "./recorder.js";
import type { GateDeps, GateRequest } from "./request.js";

export async function runGate(request: GateRequest, deps: GateDeps): Promise<Report> {
  const recorder = new GateRecorder(request.contractPath, deps.progress);
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
  // Inventory findings (a newly skipped test, say) exist only now; approvals apply to them too.
  if (deps.approve && recorder.findings.some((f) => f.approved === undefined)) {
    try {
      const approved = await deps.approve([...recorder.findings]);
      recorder.findings.splice(0, recorder.findings.length, ...approved);
    } catch (error) {
      recorder.error(`approvals could not be checked: ${describeError(error)}`);
    }
  }
  return recorder.toReport();
}

interface Refs {
  head: string;
  base: string;
  contractCommit: string;
}

async function stages(request: GateRequest, deps: GateDeps, rec: GateRecorder): Promise<void> {
  const { logger } = deps;
  const git = await Git.open(request.repoDir, logger);

  const refs: Refs = await rec.phase("resolve", async () => {
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
  if (contract.verifiers.length === 0) rec.addNotProven(noVerifiers());
  const guarded = [...contract.protected.frozen, ...contract.protected.appendOnly];
  if (guarded.every((glob) => glob === request.contractPath)) rec.addNotProven(noProtectedPaths());

  const kind: RuntimeKind = request.runtime ?? contract.sandbox.runtime;
  rec.provenance.runtime = kind;
  if (kind === "host") rec.addNotProven(runtimeHost());
  else if (contract.sandbox.network.length > 0) rec.addNotProven(networkAllowed(contract.sandbox.network));
  const runtime: ContainerRuntime = (deps.createRuntime ?? ((k: RuntimeKind) => createRuntime(k, logger)))(
    kind,
  );
  // The runtime check and image lookups overlap the boundary checks; the boundary's findings are
  // recorded first, so they stand even when the runtime then turns out to be missing.
  const runtimeReady = rec.phase("sandbox", () => prepareRuntime(runtime, contract, rec, logger));
  runtimeReady.catch(() => undefined);

  const boundary = await rec.phase("boundary", () =>
    runBoundary({
      git,
      contract,
      contractPath: request.contractPath,
      base: refs.base,
      head: refs.head,
      logger,
      ...(deps.approve ? { approve: deps.approve } : {}),
    }),
  );
  rec.add(...boundary.findings);
  await runtimeReady;

  await runSides({ request, deps, rec, git, refs, contract, boundary, runtime });
}

async function prepareRuntime(
  runtime: ContainerRuntime,
  contract: Contract,
  rec: GateRecorder,
  logger: Logger,
): Promise<void> {
  // No log group: this runs alongside the boundary checks, and groups cannot overlap.
  await runtime.ping();
  logger.info(`sandbox: ${runtime.kind}`);
  if (runtime.hostPaths) return;
  const images = new Set<string>();
  if (contract.sandbox.image !== undefined) images.add(contract.sandbox.image);
  for (const v of contract.verifiers) if (v.image !== undefined) images.add(v.image);
  for (const image of images) {
    const info = await runtime.ensureImage(image);
    rec.images.add(`${info.reference}@${info.id}`);
  }
}

interface SidesInput {
  request: GateRequest;
  deps: GateDeps;
  rec: GateRecorder;
  git: Git;
  refs: Refs;
  contract: Contract;
  boundary: BoundaryOutcome;
  runtime: ContainerRuntime;
}

async function runSides(input: SidesInput): Promise<void> {
  const { request, deps, rec, git, refs, contract, boundary, runtime } = input;
  const { logger } = deps;
  const withTests = contract.tests !== undefined;
  const headRestores = boundary.headRestores;

  // The head's container starts while git writes its clean room: on a large tree the two cost alike.
  await using headRoom = await startCleanRoom(git, {
    commit: refs.head,
    restore: { from: refs.base, paths: headRestores },
    edits: boundary.headEdits,
  });
  const headReady = rec.phase("clean room", () => headRoom.ready);
  headReady.catch(() => undefined);
  if (headRoom.restored.length > 0)
    logger.info(`taken from base before running anything: ${headRoom.restored.join(", ")}`);
  const suiteNeeded = withTests && boundary.suiteRestores.length > 0;
  await using suiteRoom = suiteNeeded
    ? await createCleanRoom(git, {
        commit: refs.head,
        restore: { from: refs.base, paths: [...headRestores, ...boundary.suiteRestores] },
        edits: boundary.headEdits,
      })
    : undefined;

  // Sides run concurrently: each logs into its own buffer, replayed as one group when it ends.
  const side = (
    name: SideName,
    workspace: string,
    tests: boolean,
    verifiers: boolean,
    workspaceReady?: Promise<void>,
  ): Promise<SideResult> => {
    const buffer = new BufferedLogger();
    const title = `${name}: ${[tests ? "tests" : "", verifiers ? "verifiers" : ""].filter(Boolean).join(" and ")}`;
    return rec
      .phase(name, () =>
        runSide({
          side: name,
          runtime,
          contract,
          workspace,
          runTests: tests,
          runVerifiers: verifiers,
          labels: { [LABEL_RUN]: request.runId },
          logger: buffer,
          progress: rec.progress,
          ...(workspaceReady ? { workspaceReady } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
        }),
      )
      .finally(() => {
        buffer.replay(logger, title);
      });
  };

  const baseSide = async (): Promise<SideResult> => {
    const cache = runtime.hostPaths ? undefined : deps.baseCache;
    const key = cache ? baseCacheKey(await git.treeId(refs.base), contract, [...rec.images]) : undefined;
    // Its own phase, so the report shows what the cache cost next to what the base run cost.
    const cached = cache && key ? await rec.phase("base cache", () => cache.get(key)) : undefined;
    if (cached) {
      logger.info("base: test inventory reused from the cache (same base tree, contract and image)");
      rec.baseFromCache = true;
      return cached;
    }
    await using baseRoom = await startCleanRoom(git, { commit: refs.base });
    const result = await side("base", baseRoom.dir, true, false, baseRoom.ready);
    if (cache && key && cacheable(result)) await cache.set(key, result);
    return result;
  };

  // Base and head run at the same time; the base-suite run follows the base, so at most two
  // sandboxes run at once.
  const [head, [base, suite]] = await Promise.all([
    side("head", headRoom.dir, withTests, true, headReady),
    (async (): Promise<[SideResult | undefined, SideResult | undefined]> => {
      const b = withTests ? await baseSide() : undefined;
      const s = suiteRoom ? await side("base-suite", suiteRoom.dir, true, false) : undefined;
      return [b, s];
    })(),
  ]);

  for (const result of [head, base, suite]) {
    if (result === undefined) continue;
    rec.setup.push(
      ...result.setup.filter((step) => result !== base || !rec.baseFromCache || step.status !== "pass"),
    );
    rec.containersStarted += result.containersStarted;
  }
  // A setup step that fails on the base as well says the contract's setup does not work, not that
  // the change broke it: the base's failure is an error below, and the head is not blamed for it.
  const sameSetupFailure = base?.setupFailed !== undefined && base.setupFailed === head.setupFailed;
  rec.add(...head.findings.filter((f) => !(sameSetupFailure && f.kind === "setup-failed")));
  if (base !== undefined) {
    const notes = rec.baseFromCache
      ? [...boundary.notes, "The base inventory came from the cache (same base tree, contract and image)."]
      : boundary.notes;
    const judgement = judgeTests(
      contract,
      base,
      head,
      suite,
      notes,
      boundary.changes.map((c) => c.path),
    );
    if (judgement.verifier) rec.verifiers.push(judgement.verifier);
    rec.add(...judgement.findings);
    for (const error of judgement.errors) rec.error(error);
    rec.tests = judgement.tests;
  }
  rec.verifiers.push(...head.verifiers);
  for (const v of rec.verifiers) {
    if (v.status === "skipped") rec.addNotProven(verifierSkipped(v.name, v.reason ?? "skipped"));
  }
}

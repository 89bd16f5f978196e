/**
 * From the validated document to the `Contract` the rest of loophole uses: defaults are already in
 * place (zod), so this converts units and fills the defaults that depend on other fields.
 */
import { parseDuration, parseSize } from "../core/duration.js";
import type { Contract } from "./types.js";
import type { ContractDocument } from "./zod-schema.js";

export function normaliseContract(doc: ContractDocument): Contract {
  return {
    version: doc.version,
    goal: doc.goal,
    protected: { frozen: doc.protected.frozen, appendOnly: doc.protected.appendOnly },
    sandbox: {
      image: doc.sandbox.image,
      runtime: doc.sandbox.runtime,
      network: hosts(doc.sandbox.network),
      cpus: doc.sandbox.cpus,
      memoryBytes: bytes(doc.sandbox.memory),
      pids: doc.sandbox.pids,
      timeoutMs: ms(doc.sandbox.timeout),
      env: doc.sandbox.env,
    },
    setup: doc.setup.map((step) => ({
      name: step.name ?? step.run,
      run: step.run,
      timeoutMs: optionalMs(step.timeout),
    })),
    tests:
      doc.tests === undefined
        ? undefined
        : {
            run: doc.tests.run,
            framework: doc.tests.framework,
            minDelta: doc.tests.minDelta,
            allowNewSkips: doc.tests.allowNewSkips,
            reports: doc.tests.reports,
            timeoutMs: optionalMs(doc.tests.timeout),
            allowRunnerChanges: doc.tests.allowRunnerChanges,
          },
    verifiers: doc.verifiers.map((verifier) => ({
      name: verifier.name,
      run: verifier.run,
      timeoutMs: optionalMs(verifier.timeout),
      image: verifier.image,
      env: verifier.env,
    })),
    executor:
      doc.executor === undefined
        ? undefined
        : {
            run: doc.executor.run,
            image: doc.executor.image,
            secrets: doc.executor.secrets,
            network: hosts(doc.executor.network),
            timeoutMs: ms(doc.executor.timeout),
            env: doc.executor.env,
          },
    budget: { rounds: doc.budget.rounds, timeMs: ms(doc.budget.time) },
  };
}

function hosts(network: "none" | string[]): string[] {
  return network === "none" ? [] : network;
}

// Validation already ran these parsers (ajv formats, zod refinements); failing here is a bug.
function ms(text: string): number {
  const value = parseDuration(text);
  if (value === undefined)
    throw new Error(`internal error: validated duration ${JSON.stringify(text)} does not parse`);
  return value;
}

function optionalMs(text: string | undefined): number | undefined {
  return text === undefined ? undefined : ms(text);
}

function bytes(text: string): number {
  const value = parseSize(text);
  if (value === undefined)
    throw new Error(`internal error: validated size ${JSON.stringify(text)} does not parse`);
  return value;
}

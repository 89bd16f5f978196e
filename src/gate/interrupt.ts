import type { Logger } from "../core/logger.js";
import { onTerminatingSignal, type TerminatingSignal } from "../sandbox/cleanup.js";

export interface Interrupt extends AsyncDisposable {
  readonly signal: AbortSignal;
}

/**
 * First Ctrl-C (or SIGTERM) aborts the gate, which then removes its containers and temp dirs on the
 * way out; a second one runs the pending cleanups at once and exits.
 */
export function abortOnSignals(logger: Logger): Interrupt {
  const controller = new AbortController();
  const handler = (signal: TerminatingSignal): void => {
    if (controller.signal.aborted) {
      void onTerminatingSignal(signal, logger, (code) => process.exit(code));
      return;
    }
    logger.warning(`${signal}: stopping and cleaning up (again to stop at once)`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    [Symbol.asyncDispose]() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
      return Promise.resolve();
    },
  };
}

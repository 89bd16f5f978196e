/**
 * The base side of every scenario of one framework is the same tree under the same contract, so
 * the matrix runs it once and lets the gate's own base cache (`deps.baseCache`) hand it to the
 * other scenarios, as the CLI and task mode do across runs. The head side, where every cheat acts,
 * always runs.
 *
 * Scenarios run concurrently, so the cache is single-flight: the first gate that misses a key runs
 * the base; the others wait until it has stored the result (or its gate ended without storing
 * one, in which case the next waiter runs the base itself).
 */
import type { BaseCache } from "../../src/gate/base-cache.js";
import { MemoryBaseCache } from "../../src/gate/base-cache.js";
import type { SideResult } from "../../src/verify/side.js";

export interface GateCacheView extends BaseCache {
  /** Call when the gate has returned: releases whoever waits on a base this gate did not store. */
  done(): void;
}

export class SharedBaseCache {
  readonly #inner = new MemoryBaseCache();
  readonly #inFlight = new Map<string, Promise<void>>();

  view(): GateCacheView {
    const releases = new Map<string, () => void>();
    const release = (key: string): void => {
      releases.get(key)?.();
      releases.delete(key);
    };
    return {
      get: async (key: string): Promise<SideResult | undefined> => {
        for (;;) {
          const hit = await this.#inner.get(key);
          if (hit !== undefined) return hit;
          const running = this.#inFlight.get(key);
          if (running === undefined) break;
          await running;
        }
        // This gate runs the base; later gates wait for it.
        let resolve: () => void = () => undefined;
        this.#inFlight.set(
          key,
          new Promise<void>((r) => {
            resolve = r;
          }),
        );
        releases.set(key, () => {
          this.#inFlight.delete(key);
          resolve();
        });
        return undefined;
      },
      set: async (key: string, value: SideResult): Promise<void> => {
        await this.#inner.set(key, value);
        release(key);
      },
      done: () => {
        for (const key of [...releases.keys()]) release(key);
      },
    };
  }
}

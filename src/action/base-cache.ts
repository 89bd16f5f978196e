/**
 * The base inventory cache in the action: one JSON file per key, restored from and saved to the
 * Actions cache service (@actions/cache) on demand, so a second gate on the same base — another
 * pull request, a re-run — skips the base suite. Outside a runner with the cache service (or when
 * it fails) it degrades to a local directory: a cache miss only costs time, never correctness.
 */
import { join } from "node:path";
import { tmpdir } from "node:os";
import { getErrorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { DirectoryBaseCache, type BaseCache } from "../gate/base-cache.js";
import type { SideResult } from "../verify/side.js";

export interface ActionCache {
  cache: BaseCache;
  /** Waits for uploads started by `set` (the job must not end before they finish). */
  save(): Promise<void>;
}

export async function actionBaseCache(env: NodeJS.ProcessEnv, logger: Logger): Promise<ActionCache> {
  const dir = join(env.RUNNER_TEMP ?? tmpdir(), "loophole-base-cache");
  const local = new DirectoryBaseCache(dir);
  // Loaded only when needed: the cache client is large, and the CLI never needs it.
  const actionsCache = await import("@actions/cache").catch(() => undefined);
  if (actionsCache === undefined || !actionsCache.isFeatureAvailable())
    return { cache: local, save: () => Promise.resolve() };
  const uploads: Promise<unknown>[] = [];
  const file = (key: string): string => join(dir, `${key}.json`);
  const cache: BaseCache = {
    async get(key: string): Promise<SideResult | undefined> {
      const hit = await local.get(key);
      if (hit) return hit;
      try {
        if ((await actionsCache.restoreCache([file(key)], key)) === undefined) return undefined;
      } catch (error) {
        logger.warning(`the base inventory cache could not be read: ${getErrorMessage(error)}`);
        return undefined;
      }
      return local.get(key);
    },
    async set(key: string, value: SideResult): Promise<void> {
      await local.set(key, value);
      uploads.push(
        actionsCache.saveCache([file(key)], key).catch((error: unknown) => {
          logger.debug(`the base inventory cache was not saved: ${getErrorMessage(error)}`);
        }),
      );
    },
  };
  return {
    cache,
    save: async () => {
      await Promise.all(uploads);
    },
  };
}

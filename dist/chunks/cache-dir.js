import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the CLI keeps base-side results between runs: $XDG_CACHE_HOME/loophole, else ~/.cache/loophole. */
function defaultCacheDir(env) {
    if (env.LOOPHOLE_CACHE_DIR)
        return env.LOOPHOLE_CACHE_DIR;
    const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
    return join(base, "loophole", "base");
}

export { defaultCacheDir as d };
//# sourceMappingURL=cache-dir.js.map

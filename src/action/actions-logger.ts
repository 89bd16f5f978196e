import * as core from "@actions/core";
import type { Logger } from "../core/logger.js";

/** The Logger of the Actions log: groups fold, warnings and errors become workflow annotations. */
export function actionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
    startGroup: (n) => core.startGroup(n),
    endGroup: () => core.endGroup(),
  };
}

import { h as endGroup, i as startGroup, j as error, w as warning, k as info, l as debug } from './core.js';

/** The Logger of the Actions log: groups fold, warnings and errors become workflow annotations. */
function actionsLogger() {
    return {
        debug: (m) => debug(m),
        info: (m) => info(m),
        warning: (m) => warning(m),
        error: (m) => error(m),
        startGroup: (n) => startGroup(n),
        endGroup: () => endGroup(),
    };
}

export { actionsLogger as a };
//# sourceMappingURL=actions-logger.js.map

/**
 * Which phase of the gate is running, for people watching: the CLI draws it on one updating line
 * on a terminal (plain start/finish lines in CI logs); the action relies on log groups instead.
 * Phases can overlap (base and head run at the same time), so each has an id.
 */
export interface Progress {
  start(id: string, label: string): void;
  end(id: string, outcome: "ok" | "failed"): void;
}

export const silentProgress: Progress = {
  start: () => undefined,
  end: () => undefined,
};

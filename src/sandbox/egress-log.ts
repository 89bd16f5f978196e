/**
 * The egress proxy's decision log: one entry per destination and verdict, with a count. Hosts come
 * from the sandbox, so the log is bounded in entries and in host length; what does not fit is
 * counted in `omitted`.
 */
import type { NetworkLog } from "../model/report.js";

/** One destination and how many connections or requests it got. Hosts are untrusted text. */
export interface EgressEntry {
  host: string;
  port: number;
  count: number;
}

export interface EgressDenial extends EgressEntry {
  /** Why the first of these requests was refused. */
  reason: string;
}

/** The report's NetworkLog, plus the refusal reasons and what did not fit. */
export interface EgressLog extends NetworkLog {
  allowed: EgressEntry[];
  denied: EgressDenial[];
  /** Decisions not itemised because the log was full (counted, never dropped silently). */
  omitted: number;
}

const MAX_ENTRIES = 200;
const MAX_HOST_CHARS = 255;
const MAX_REASON_CHARS = 300;

export class EgressRecorder {
  readonly #allowed = new Map<string, EgressEntry>();
  readonly #denied = new Map<string, EgressDenial>();
  readonly #maxEntries: number;
  #omitted = 0;

  constructor(maxEntries: number = MAX_ENTRIES) {
    this.#maxEntries = maxEntries;
  }

  /** Returns true when this is the first decision for the destination (worth a log line). */
  allowed(host: string, port: number): boolean {
    return this.#count(this.#allowed, host, port, (entry) => entry);
  }

  denied(host: string, port: number, reason: string): boolean {
    return this.#count(this.#denied, host, port, (entry) => ({
      ...entry,
      reason: clip(reason, MAX_REASON_CHARS),
    }));
  }

  snapshot(): EgressLog {
    return {
      allowed: [...this.#allowed.values()].map((entry) => ({ ...entry })),
      denied: [...this.#denied.values()].map((entry) => ({ ...entry })),
      omitted: this.#omitted,
    };
  }

  #count<T extends EgressEntry>(
    entries: Map<string, T>,
    rawHost: string,
    port: number,
    create: (entry: EgressEntry) => T,
  ): boolean {
    const host = clip(rawHost, MAX_HOST_CHARS);
    const key = `${host}\n${port}`;
    const existing: EgressEntry | undefined = entries.get(key);
    if (existing !== undefined) {
      existing.count += 1;
      return false;
    }
    if (this.#allowed.size + this.#denied.size >= this.#maxEntries) {
      this.#omitted += 1;
      return false;
    }
    entries.set(key, create({ host, port, count: 1 }));
    return true;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

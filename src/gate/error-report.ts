import { baseNotProven } from "../report/not-proven.js";
import type { Report } from "../model/report.js";
import { GateRecorder } from "./recorder.js";

/** A report for a gate that stopped before it began (bad inputs, unhandled event). */
export function errorReport(message: string, contractPath: string): Report {
  const recorder = new GateRecorder(contractPath);
  for (const item of baseNotProven()) recorder.addNotProven(item);
  recorder.error(message);
  return recorder.toReport();
}

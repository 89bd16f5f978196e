import type { Outcome } from "../model/report.js";
import type { FailOn } from "./settings.js";

/** Whether the outcome fails the step under the `fail-on` input. */
export function failsStep(outcome: Outcome, failOn: FailOn): boolean {
  if (outcome === "pass" || failOn === "never") return false;
  return failOn === "fail" || outcome === "error";
}

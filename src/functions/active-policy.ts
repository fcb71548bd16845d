/**
 * The policy the RISK formulas of the open workbook use. The add-in runs in a
 * shared runtime (manifest SharedRuntime): the task pane and the custom
 * functions are one JavaScript context, so when the pane loads the model
 * stored in the workbook (src/taskpane/calibrate/model-store.ts) it sets it
 * here and CREDITSCORE and CREDITLIMIT score with it; "Revert to the shipped
 * model" sets it back. No Office globals here: whoever reads the workbook
 * sets the model.
 */
import { CreditPolicy, DEFAULT_POLICY } from "../engine/policy";
import type { ScorecardModel } from "../engine/scoring/model";

let active: CreditPolicy = DEFAULT_POLICY;

/** The policy of the formulas: the shipped one unless a workbook's stored model is active. */
export function activePolicy(): CreditPolicy {
  return active;
}

/** Makes the formulas score with `model` (a checked model), or with the shipped model (null). */
export function setActiveModel(model: ScorecardModel | null): void {
  active = model === null || model === DEFAULT_POLICY.model ? DEFAULT_POLICY : { ...DEFAULT_POLICY, model };
}

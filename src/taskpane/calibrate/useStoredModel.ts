/**
 * The workbook's stored model as React state: loaded once per workbook (and
 * set as the RISK formulas' model), accepted, reverted or used again.
 */
import { useCallback, useEffect, useState } from "react";
import type { CreditPolicy } from "../../engine/policy";
import type { ScorecardModel } from "../../engine/scoring/model";
import type { StoredFitReport } from "../../engine/calibration/stored-model";
import type { WorkbookPort } from "../../excel/port";
import { StoredModelState, applyToFormulas, loadStoredModel, policyOf, setStoredModelActive, storeModel } from "./model-store";

export interface StoredModel {
  /** null while loading. */
  state: StoredModelState | null;
  /** The policy of the review, Explain and write-back (the shipped one while loading). */
  policy: CreditPolicy;
  accept(model: ScorecardModel, report: StoredFitReport, acceptedOn: string): Promise<void>;
  revert(): Promise<void>;
  reuse(): Promise<void>;
}

export function useStoredModel(port: WorkbookPort | null): StoredModel {
  const [state, setState] = useState<StoredModelState | null>(null);
  useEffect(() => {
    if (!port) return;
    let gone = false;
    setState(null);
    loadStoredModel(port)
      .catch((): StoredModelState => ({ kind: "shipped" }))
      .then(async (s) => {
        if (gone) return;
        setState(s);
        await applyToFormulas(port, s);
      });
    return () => {
      gone = true;
    };
  }, [port]);

  const change = useCallback(
    async (next: StoredModelState) => {
      setState(next);
      await applyToFormulas(port, next);
    },
    [port],
  );
  const accept = useCallback(
    async (model: ScorecardModel, report: StoredFitReport, acceptedOn: string) => {
      if (port) await change(await storeModel(port, model, report, acceptedOn));
    },
    [port, change],
  );
  const flag = useCallback(
    async (active: boolean) => {
      if (port && state && (state.kind === "stored" || state.kind === "reverted"))
        await change(await setStoredModelActive(port, state, active));
    },
    [port, state, change],
  );
  const revert = useCallback(() => flag(false), [flag]);
  const reuse = useCallback(() => flag(true), [flag]);
  return { state, policy: policyOf(state ?? { kind: "shipped" }), accept, revert, reuse };
}

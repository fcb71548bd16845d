/**
 * The calibrated model stored in the workbook, through the pane's
 * WorkbookPort settings (src/excel/settings.ts: each value well under the
 * 1 MB limit): the record under `model` and the model's JSON text in parts
 * under `model.part.<i>` (engine: stored-model.ts, with its hash and fit
 * report). Loading never writes: a corrupt or unknown-format stored model is
 * reported (en/zh) and left as it is, and the shipped model is used.
 *
 * Whichever model is in use is also set as the RISK formulas' model
 * (src/functions/active-policy.ts, the shared runtime), and Excel is asked to
 * recalculate when that model changed.
 */
import { EngineError, isEngineError } from "../../engine/errors";
import { CreditPolicy, DEFAULT_POLICY } from "../../engine/policy";
import { DEFAULT_MODEL, ScorecardModel } from "../../engine/scoring/model";
import {
  StoredFitReport,
  StoredModelManifest,
  decodeStoredModel,
  encodeStoredModel,
  readManifest,
} from "../../engine/calibration/stored-model";
import { activePolicy, setActiveModel } from "../../functions/active-policy";
import type { WorkbookPort } from "../../excel/port";

/** Setting key of the stored model's record. */
export const MODEL_SETTING = "model";
/** Setting key of part `i` of the stored model's JSON text. */
export const modelPartSetting = (i: number): string => `model.part.${i}`;

export type StoredModelState =
  /** Nothing stored: the shipped model. */
  | { kind: "shipped" }
  /** A stored model, in use. */
  | { kind: "stored"; manifest: StoredModelManifest; model: ScorecardModel }
  /** A stored model the user reverted from: kept, not in use. */
  | { kind: "reverted"; manifest: StoredModelManifest; model: ScorecardModel }
  /** A stored model that cannot be used (corrupt, unknown format): the shipped model, and why. */
  | { kind: "broken"; error: EngineError };

/** The model in use in a state. */
export function modelOf(state: StoredModelState): ScorecardModel {
  return state.kind === "stored" ? state.model : DEFAULT_MODEL;
}

/** The policy of the review, Explain and write-back in a state: the shipped policy with the model in use. */
export function policyOf(state: StoredModelState): CreditPolicy {
  return state.kind === "stored" ? { ...DEFAULT_POLICY, model: state.model } : DEFAULT_POLICY;
}

/** Reads the stored model (never writes). */
export async function loadStoredModel(port: WorkbookPort): Promise<StoredModelState> {
  const raw = await port.loadSetting(MODEL_SETTING);
  if (raw === null || raw === undefined) return { kind: "shipped" };
  const manifest = readManifest(raw);
  if (isEngineError(manifest)) return { kind: "broken", error: manifest };
  const parts: unknown[] = [];
  for (let i = 0; i < manifest.parts; i++) parts.push(await port.loadSetting(modelPartSetting(i)));
  const model = decodeStoredModel(manifest, parts);
  if (isEngineError(model)) return { kind: "broken", error: model };
  return manifest.active ? { kind: "stored", manifest, model } : { kind: "reverted", manifest, model };
}

/** Stores `model` (with its fit report) as the workbook's model in use: the parts first, then the record. */
export async function storeModel(
  port: WorkbookPort,
  model: ScorecardModel,
  report: StoredFitReport | null,
  acceptedOn: string,
): Promise<StoredModelState> {
  const { manifest, parts } = encodeStoredModel(model, report, acceptedOn);
  for (let i = 0; i < parts.length; i++) await port.saveSetting(modelPartSetting(i), parts[i]);
  await port.saveSetting(MODEL_SETTING, manifest);
  return { kind: "stored", manifest, model };
}

/** "Revert to the shipped model" (active = false) or "Use the stored model again" (true): only the record's flag changes. */
export async function setStoredModelActive(
  port: WorkbookPort,
  state: Extract<StoredModelState, { manifest: StoredModelManifest }>,
  active: boolean,
): Promise<StoredModelState> {
  const manifest = { ...state.manifest, active };
  await port.saveSetting(MODEL_SETTING, manifest);
  return active ? { kind: "stored", manifest, model: state.model } : { kind: "reverted", manifest, model: state.model };
}

/**
 * Makes the RISK formulas use the state's model, and asks Excel to
 * recalculate when that changed what they compute.
 */
export async function applyToFormulas(port: WorkbookPort | null, state: StoredModelState): Promise<void> {
  const before = activePolicy().model;
  const model = modelOf(state);
  setActiveModel(model === DEFAULT_MODEL ? null : model);
  if (activePolicy().model !== before && port?.recalculate) {
    try {
      await port.recalculate();
    } catch {
      // A host without recalculation: formulas update on their next calculation.
    }
  }
}

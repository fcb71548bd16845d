/**
 * A calibrated model as it is stored in a workbook: a small record (the
 * "manifest": format, model id and version, SHA-256 hash and size of the
 * model's JSON text, its fit report) and the JSON text cut into parts, each
 * well under the workbook settings' limit per value. Pure: the pane stores
 * and loads the pieces through its WorkbookPort (src/excel settings).
 *
 * Reading is strict: a record of an unknown format, a missing part, a text
 * whose hash differs or a model that fails the model checks is an error value
 * (en/zh message): the caller uses the shipped model and leaves the stored
 * pieces untouched.
 */
import { EngineError, Result, isEngineError, valueError } from "../errors";
import { message } from "../messages";
import { sha256Hex } from "../sha256";
import { ScorecardModel } from "../scoring/model";
import { parseModelJson } from "../scoring/model-file";
import type { FitStage, HistoryFit } from "./history-fit";

/** Format of the stored record this version writes and reads. */
export const STORED_MODEL_FORMAT = 1;

/** Characters of model JSON per stored part (JSON-escaped UTF-8 stays well under 1 MB per setting). */
export const MODEL_PART_CHARS = 150_000;

/** The fit report kept with a stored model: what the pane showed when the user accepted it. */
export interface StoredFitReport {
  stage: FitStage;
  rows: number;
  defaults: number;
  cv: HistoryFit["cv"];
  better: boolean;
  weights: HistoryFit["weights"];
  bands: HistoryFit["bands"];
  /** Name of the history table. */
  data: string;
}

export interface StoredModelManifest {
  format: number;
  modelId: string;
  modelVersion: string;
  /** SHA-256 (hex) of the model's JSON text (all parts joined). */
  hash: string;
  /** Characters of the JSON text. */
  chars: number;
  parts: number;
  /** False after "Revert to the shipped model": the model stays stored but is not used. */
  active: boolean;
  /** ISO date the model was accepted (the pane's clock; the engine has none). */
  acceptedOn: string;
  report: StoredFitReport | null;
}

/** The fit report of a history fit, as stored. */
export function fitReportOf(fit: HistoryFit, data: string): StoredFitReport {
  return {
    stage: fit.stage,
    rows: fit.rows,
    defaults: fit.defaults,
    cv: fit.cv,
    better: fit.better,
    weights: fit.weights,
    bands: fit.bands,
    data,
  };
}

/** The record and the parts that store `model`. */
export function encodeStoredModel(
  model: ScorecardModel,
  report: StoredFitReport | null,
  acceptedOn: string,
  partChars = MODEL_PART_CHARS,
): { manifest: StoredModelManifest; parts: string[] } {
  const text = JSON.stringify(model);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += partChars) parts.push(text.slice(i, i + partChars));
  if (parts.length === 0) parts.push("");
  return {
    manifest: {
      format: STORED_MODEL_FORMAT,
      modelId: model.id,
      modelVersion: model.version,
      hash: sha256Hex(text),
      chars: text.length,
      parts: parts.length,
      active: true,
      acceptedOn,
      report,
    },
    parts,
  };
}

const corrupt = (detail: ReturnType<typeof message> | string): EngineError => valueError(message("model.stored.corrupt", { detail }));

/**
 * Checks a stored record (as read back, `unknown`) without its parts: the
 * manifest, or an error (unknown format, not a record).
 */
export function readManifest(stored: unknown): Result<StoredModelManifest> {
  if (typeof stored !== "object" || stored === null) return corrupt(message("model.stored.badManifest"));
  const m = stored as Partial<StoredModelManifest>;
  if (typeof m.format !== "number" || !Number.isInteger(m.format)) return corrupt(message("model.stored.badManifest"));
  if (m.format !== STORED_MODEL_FORMAT)
    return valueError(message("model.stored.unknownVersion", { format: m.format, known: STORED_MODEL_FORMAT }));
  if (
    typeof m.hash !== "string" ||
    !/^[0-9a-f]{64}$/.test(m.hash) ||
    !Number.isInteger(m.parts) ||
    (m.parts as number) < 1 ||
    (m.parts as number) > 1000 ||
    typeof m.active !== "boolean"
  ) {
    return corrupt(message("model.stored.badManifest"));
  }
  return m as StoredModelManifest;
}

/**
 * The stored model from its record and parts (`parts[i]` as read back, null
 * when missing), checked end to end: format, every part present, hash, JSON
 * and the model checks.
 */
export function decodeStoredModel(manifest: StoredModelManifest, parts: readonly unknown[]): Result<ScorecardModel> {
  for (let i = 0; i < manifest.parts; i++) {
    if (typeof parts[i] !== "string") return corrupt(message("model.stored.partMissing", { part: i + 1, parts: manifest.parts }));
  }
  const text = (parts.slice(0, manifest.parts) as string[]).join("");
  if (sha256Hex(text) !== manifest.hash) return corrupt(message("model.stored.hashMismatch"));
  const model = parseModelJson(text, "model");
  if (isEngineError(model)) return corrupt(model.msg ?? model.message);
  return model;
}

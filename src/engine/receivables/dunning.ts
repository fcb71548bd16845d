/**
 * Dunning (collection) stages: a ladder of stages by days relative to the due
 * date, with optional minimum open amounts and grace days per stage, disputed
 * invoices held, and closed invoices recognised.
 *
 * Days relative to due = as-of date − due date (negative = before due).
 */
import { cellErrorFor, isBlank, readOptionalNumber } from "../cells";
import { Result, isEngineError, valueError } from "../errors";
import { message } from "../messages";
import { FunctionSpec, runRows } from "../spec";
import { Lang } from "../lang";
import { Spill, SpillCell, readGrid } from "../spill";
import { Bilingual, isBlankOrZero, pick } from "./common";

/** One rung of a dunning ladder. */
export interface DunningLevel {
  /** Days relative to the due date from which this stage applies (−7 = 7 days before due). */
  readonly fromDay: number;
  /** Stage name (user ladders use the same text in both languages). */
  readonly name: Bilingual;
  /** The stage applies only when the open amount is at least this (default 0 = any amount). */
  readonly minOpen: number;
  /** Extra days added to `fromDay` before the stage applies (default 0). */
  readonly graceDays: number;
}

/** A ladder: stages in ascending `fromDay` order. Stage numbers are 1..levels.length. */
export interface DunningLadder {
  readonly levels: readonly DunningLevel[];
}

/** Stage number of a closed invoice (outstanding ≤ 0). */
export const STAGE_CLOSED = -1;
/** Stage number before the first rung of the ladder. */
export const STAGE_NOT_DUE = 0;

export const LABEL_NOT_DUE: Bilingual = { en: "Not due", zh: "未到期" };
export const LABEL_CLOSED: Bilingual = { en: "Closed", zh: "已结清" };
export const LABEL_ON_HOLD: Bilingual = { en: "On hold (disputed)", zh: "争议暂停" };

/**
 * The default ladder of the domain reference (阶梯式催收): reminder from 7
 * days before due, formal notice 3+ days overdue, legal escalation 15+,
 * insurance claim 30+, collection agency 90+. Stage numbers 1–5.
 */
export const DEFAULT_DUNNING_LADDER: DunningLadder = Object.freeze({
  levels: Object.freeze([
    { fromDay: -7, name: { en: "Reminder", zh: "到期前提醒" }, minOpen: 0, graceDays: 0 },
    { fromDay: 3, name: { en: "Formal notice", zh: "正式催款通知" }, minOpen: 0, graceDays: 0 },
    { fromDay: 15, name: { en: "Legal escalation", zh: "法律催收" }, minOpen: 0, graceDays: 0 },
    { fromDay: 30, name: { en: "Insurance claim", zh: "信用保险索赔" }, minOpen: 0, graceDays: 0 },
    { fromDay: 90, name: { en: "Collection agency", zh: "移交催收机构" }, minOpen: 0, graceDays: 0 },
  ]),
});

/** The outcome for one invoice. */
export interface DunningResult {
  /** −1 closed, 0 not due, 1..n ladder stage (for a disputed invoice: the stage it is held at). */
  readonly stage: number;
  readonly closed: boolean;
  readonly onHold: boolean;
}

/**
 * The dunning stage of one invoice (pure).
 *
 * The stage is the LAST rung whose day threshold (fromDay + graceDays) has been
 * reached and whose minimum the open amount meets; 0 when none applies. Since
 * each condition only becomes true as days pass, the stage never moves
 * earlier when the as-of date moves later.
 *
 * @param daysPastDue as-of date − due date in days (negative before due)
 * @param open open amount; `null` = unknown but open (minimums count as met); ≤ 0 = closed
 * @param disputed a disputed invoice keeps its stage number but is reported on hold
 * @example dunningStage(20, 1000, false) // { stage: 3 (legal escalation), closed: false, onHold: false }
 * @example dunningStage(-10, null, false) // stage 0 (not due)
 */
export function dunningStage(
  daysPastDue: number,
  open: number | null,
  disputed: boolean,
  ladder: DunningLadder = DEFAULT_DUNNING_LADDER,
): DunningResult {
  if (open !== null && open <= 0) return { stage: STAGE_CLOSED, closed: true, onHold: false };
  let stage = STAGE_NOT_DUE;
  const levels = ladder.levels;
  for (let k = 0; k < levels.length; k++) {
    const lv = levels[k];
    if (daysPastDue >= lv.fromDay + lv.graceDays && (open === null || open >= lv.minOpen)) stage = k + 1;
  }
  return { stage, closed: false, onHold: disputed };
}

/** Name of a result in a language. */
export function dunningStageName(r: DunningResult, ladder: DunningLadder, lang: Lang): string {
  if (r.closed) return pick(LABEL_CLOSED, lang);
  if (r.onHold) return pick(LABEL_ON_HOLD, lang);
  if (r.stage === STAGE_NOT_DUE) return pick(LABEL_NOT_DUE, lang);
  return pick(ladder.levels[r.stage - 1].name, lang);
}

function isHeaderRow(row: unknown[]): boolean {
  const c = row[0];
  return typeof c === "string" && !isBlank(c) && !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(c);
}

/**
 * Reads a user ladder range: rows [days relative to due date, stage name,
 * minimum open amount (optional), grace days (optional)], 2 to 4 columns,
 * with or without a header row; fully blank rows are skipped (a cell of 0
 * counts as blank there: Excel desktop passes empty cells as 0). Days must be
 * whole numbers in strictly ascending order, names non-empty text, minimum
 * amounts and grace days ≥ 0. Returns `DEFAULT_DUNNING_LADDER` when omitted.
 */
export function readLadder(arg: unknown): Result<DunningLadder> {
  const grid = readGrid(arg, "ladder");
  if (isEngineError(grid)) return grid;
  if (grid === null) return DEFAULT_DUNNING_LADDER;
  if (grid.length === 1 && grid[0].length === 1 && isBlankOrZero(grid[0][0])) return DEFAULT_DUNNING_LADDER;
  // Trailing columns that are empty in every row (a selection wider than the
  // ladder) are dropped: a missing minimum or grace column means 0 anyway.
  let width = grid[0].length;
  while (width > 2 && grid.every((row) => isBlankOrZero(row[width - 1]))) width--;
  if (width < 2 || width > 4) {
    return valueError(message("ladder.width", { width }));
  }
  // The header, if any, is the first row that is not empty (empty rows above it are skipped like any empty row).
  let top = 0;
  while (top < grid.length && grid[top].every((c) => isBlankOrZero(c))) top++;
  const first = top < grid.length && isHeaderRow(grid[top]) ? top + 1 : 0;
  const levels: DunningLevel[] = [];
  for (let r = first; r < grid.length; r++) {
    const row = grid[r];
    if (row.every((c) => isBlankOrZero(c))) continue;
    const where = r + 1;
    const days = readOptionalNumber(row[0], message("ladder.rowDays", { row: where }), { integer: true });
    if (isEngineError(days)) return days;
    if (days === null) return valueError(message("ladder.daysMissing", { row: where }));
    const nameCell = row[1];
    if (typeof nameCell !== "string" || nameCell.trim() === "") {
      return cellErrorFor(nameCell, message("ladder.rowName", { row: where })) ?? valueError(message("ladder.nameEmpty", { row: where }));
    }
    const minOpen = width > 2 ? readOptionalNumber(row[2], message("ladder.rowMinOpen", { row: where }), { min: 0 }) : null;
    if (isEngineError(minOpen)) return minOpen;
    const grace = width > 3 ? readOptionalNumber(row[3], message("ladder.rowGrace", { row: where }), { min: 0, integer: true }) : null;
    if (isEngineError(grace)) return grace;
    const prev = levels[levels.length - 1];
    if (prev && days <= prev.fromDay) {
      return valueError(message("ladder.daysAscending", { row: where, days, prev: prev.fromDay }));
    }
    const name = nameCell.trim();
    levels.push({ fromDay: days, name: { en: name, zh: name }, minOpen: minOpen ?? 0, graceDays: grace ?? 0 });
  }
  if (levels.length === 0) return valueError(message("ladder.empty"));
  return { levels };
}

export const DUNNING_OUTPUTS = ["name", "number"] as const;
export type DunningOutput = (typeof DUNNING_OUTPUTS)[number];

/**
 * `=RISK.DUNNINGSTAGE(due_date, as_of, [outstanding], [disputed], [ladder], [output])`.
 *
 * due_date, as_of, outstanding and disputed are single cells or equal-length
 * columns/rows (single cells repeat); one result per invoice spills.
 * - due_date blank (or 0, an empty cell on Excel desktop) → "" (a selection larger than the data stays blank).
 * - outstanding: open amount; blank/omitted = open (amount unknown); ≤ 0 = closed.
 * - disputed: TRUE/1/"yes"/"是" holds the invoice: name "On hold (disputed)"
 *   (争议暂停), number = the stage it is held at.
 * - ladder: optional range, see `readLadder`; omitted = `DEFAULT_DUNNING_LADDER`.
 * - output: "name" (default) or "number" (−1 closed, 0 not due, 1..n ladder stage).
 *
 * @example dunningStageCore([[46000]], [[46020]], null, null, null, null, "en") // [["Legal escalation"]]
 */
export function dunningStageCore(
  dueDates: unknown,
  asOf: unknown,
  outstanding: unknown,
  disputed: unknown,
  ladder: unknown,
  output: unknown,
  lang: Lang,
): Result<Spill> {
  return runRows(DUNNINGSTAGE_SPEC, [dueDates, asOf, outstanding, disputed, ladder, output], (row): SpillCell => {
    if (row.due_date === null) return ""; // blank row of a larger selection: blank out (runRows already does)
    const r = dunningStage(row.as_of - row.due_date, row.outstanding, row.disputed, row.ladder);
    return row.output === "number" ? r.stage : dunningStageName(r, row.ladder, lang);
  });
}

/**
 * `=RISK.DUNNINGSTAGE(due_date, as_of, [outstanding], [disputed], [ladder], [output])`, declared. A blank (or 0)
 * due date is a row without an invoice: "" and nothing else read.
 */
export const DUNNINGSTAGE_SPEC = {
  id: "DUNNINGSTAGE",
  params: [
    { name: "due_date", shape: "column", kind: "date", blankCells: true, blankMeansNoRow: true },
    { name: "as_of", shape: "column", kind: "date" },
    { name: "outstanding", shape: "column", kind: "amount", optional: true },
    { name: "disputed", shape: "column", kind: "flag", optional: true },
    { name: "ladder", shape: "matrix", kind: "table", optional: true, read: readLadder },
    { name: "output", shape: "scalar", kind: "enum", optional: true, choices: DUNNING_OUTPUTS, default: "name" },
  ],
} as const satisfies FunctionSpec;

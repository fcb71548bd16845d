/** Reading one row of the customer table: factor cells, limit inputs, the joined ledger's behaviour; bad cells become messages. */
import { isBlank, readOptionalNumber, NumberRules } from "../cells";
import { EngineError, errorIn, isEngineError, naError, valueError, withMessage } from "../errors";
import { cellArg, message } from "../messages";
import { Lang } from "../lang";
import { FACTORS, FACTOR_KEYS, factorIndex } from "../scoring/factors";
import { STATEMENT_KEYS } from "../scoring/derive";
import { LIMIT_INPUT_RULES } from "../limit/creditlimit";
import { BEHAVIOR_KEYS } from "../customer/assess";
import { customerKey } from "../receivables/ledger";
import { LedgerCustomer } from "./ledger-digest";
import { SheetLocation, cellLocation, sheetRowNumber } from "./place";
import { ReviewState } from "./review-state";

export const EMPTY_ROW: readonly unknown[] = [];
const BEHAVIOR_IDX = BEHAVIOR_KEYS.map((k) => factorIndex(k));
export const STATEMENT = new Set<number>(STATEMENT_KEYS.map(factorIndex));
const RULES_EXPOSURE: NumberRules = {};
const RULES_LIMIT: NumberRules = LIMIT_INPUT_RULES.requested;
const RULES_TERMS: NumberRules = LIMIT_INPUT_RULES.termsDays;

export function idValue(cell: unknown): string | number {
  return typeof cell === "number" ? cell : customerKey(cell);
}

/**
 * The error of a bad numeric cell at `at`, in `lang`, naming the sheet row,
 * the column and the cell: `row 18, column "Quick ratio" (quick_ratio), cell Customers!F18: …` /
 * `第 18 行“Quick ratio”列（quick_ratio，单元格 Customers!F18）：…`.
 */
export function cellError(at: SheetLocation, header: string, key: string, cell: unknown, rules: NumberRules, lang: Lang): EngineError {
  const arg = message("review.cellAt", { row: at.row + 1, header, key, address: at.address });
  const e = readOptionalNumber(cell, arg, rules);
  if (!isEngineError(e)) return valueError(message("review.cell.unreadable", { arg }), lang);
  // Text in a number column: the pane's own Chinese words for it (the English is the formula's).
  const id = e.msg?.id;
  if (id === "cell.textNumber" || id === "cell.notNumber") {
    return withMessage(
      errorIn(e, lang),
      message(id === "cell.textNumber" ? "review.cell.textNumber" : "review.cell.notNumber", { arg, value: cellArg(cell) }),
    );
  }
  return errorIn(e, lang);
}

/** The error of a row with data but no factor value: `row 18: no factor values …` / `第 18 行：该行没有任何因子数据…`. */
export function noFactorsError(state: ReviewState, r: number): EngineError {
  const n = sheetRowNumber(state.plan.place, r);
  return naError(message("at.row", { row: n, cause: message("review.noFactors") }), state.lang);
}

/** Scratch of one row read (reused: no allocation per row). */
export interface RowRead {
  error: EngineError | null;
  /** The cell that gave `error`. */
  errorAt: SheetLocation | null;
  nonBlank: number;
  any: boolean;
  exposure: number | null;
  currentLimit: number | null;
  requested: number | null;
  terms: number | null;
  lc: LedgerCustomer | null;
}

export const scratchRead: RowRead = {
  error: null,
  errorAt: null,
  nonBlank: 0,
  any: false,
  exposure: null,
  currentLimit: null,
  requested: null,
  terms: null,
  lc: null,
};

/** Reads an optional numeric non-factor cell into a number, null, or records an error. */
export function readAmount(
  state: ReviewState,
  out: RowRead,
  r: number,
  row: readonly unknown[],
  col: number,
  key: string,
  rules: NumberRules,
): number | null {
  if (col < 0) return null;
  const cell = row[col];
  if (
    typeof cell === "number" &&
    Number.isFinite(cell) &&
    (rules.min === undefined || cell >= rules.min) &&
    (rules.max === undefined || cell <= rules.max)
  ) {
    out.nonBlank++;
    return cell;
  }
  if (isBlank(cell)) return null;
  out.nonBlank++;
  if (!out.error) {
    out.errorAt = cellLocation(state.plan.place, r, col);
    out.error = cellError(out.errorAt, state.plan.headers[col], key, cell, rules, state.lang);
  }
  return null;
}

/** Reads row r into plan.v (NaN = missing) and `out`; the ledger's behaviour fills blanks. */
export function readRow(state: ReviewState, r: number, out: RowRead): void {
  const p = state.plan;
  const row = p.rows[r] ?? EMPTY_ROW;
  const v = p.v;
  v.fill(NaN);
  out.error = null;
  out.errorAt = null;
  out.nonBlank = 0;
  out.any = false;
  for (let t = 0; t < p.factorCol.length; t++) {
    const cell = row[p.factorCol[t]];
    if (typeof cell === "number") {
      if (Number.isFinite(cell) && cell >= p.factorMin[t] && cell <= p.factorMax[t] && (p.factorInt[t] === 0 || Number.isInteger(cell))) {
        v[p.factorIdx[t]] = cell;
        out.nonBlank++;
        out.any = true;
        continue;
      }
    } else if (isBlank(cell)) continue;
    out.nonBlank++;
    if (p.factorFlag[t] === 1 && typeof cell === "boolean") {
      v[p.factorIdx[t]] = cell ? 1 : 0;
      out.any = true;
      continue;
    }
    if (!out.error) {
      out.errorAt = cellLocation(p.place, r, p.factorCol[t]);
      out.error = cellError(
        out.errorAt,
        p.factorHeader[t],
        FACTOR_KEYS[p.factorIdx[t]],
        cell,
        FACTORS[p.factorIdx[t]].rules as NumberRules,
        state.lang,
      );
    }
  }
  if (p.idCol >= 0 && !isBlank(row[p.idCol])) out.nonBlank++;
  if (p.nameCol >= 0 && !isBlank(row[p.nameCol])) out.nonBlank++;
  out.exposure = readAmount(state, out, r, row, p.exposureCol, "exposure", RULES_EXPOSURE);
  out.currentLimit = readAmount(state, out, r, row, p.limitCol, "credit_limit", RULES_LIMIT);
  out.requested = readAmount(state, out, r, row, p.requestedCol, "requested_limit", RULES_LIMIT);
  out.terms = readAmount(state, out, r, row, p.termsCol, "terms_days", RULES_TERMS);
  const li = p.ledgerOf[r];
  out.lc = li >= 0 && state.ledger ? state.ledger.order[li] : null;
  if (out.lc) {
    const b = out.lc.behavior;
    for (let k = 0; k < BEHAVIOR_KEYS.length; k++) {
      const x = b[BEHAVIOR_KEYS[k]];
      const fi = BEHAVIOR_IDX[k];
      if (x !== "" && v[fi] !== v[fi]) {
        v[fi] = x;
        out.any = true;
      }
    }
  }
}

export function nameOf(cell: unknown): string | null {
  if (isBlank(cell)) return null;
  return typeof cell === "string" ? cell.trim() : String(cell);
}

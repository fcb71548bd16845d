/** Reading one row of the customer table: factor cells, limit inputs, the joined ledger's behaviour; bad cells become messages. */
import { isBlank, readOptionalNumber, NumberRules } from "../cells";
import { EngineError, isEngineError, naError, valueError } from "../errors";
import { Lang } from "../lang";
import { FACTORS, FACTOR_KEYS, factorIndex } from "../scoring/factors";
import { STATEMENT_KEYS } from "../scoring/derive";
import { LIMIT_INPUT_RULES } from "../limit/creditlimit";
import { BEHAVIOR_KEYS } from "../customer/assess";
import { customerKey } from "../receivables/ledger";
import { LedgerCustomer } from "./ledger-digest";
import { NO_FACTORS_TEXT } from "./texts";
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
  const n = at.row + 1;
  const label = `row ${n}, column "${header}" (${key}), cell ${at.address}`;
  const en = readOptionalNumber(cell, label, rules);
  const base: EngineError = isEngineError(en) ? en : valueError(`${label}: unreadable value.`);
  if (lang === "en") return base;
  let problem: string;
  if (typeof cell === "string")
    problem = `文本“${cell.length > 30 ? cell.slice(0, 30) + "…" : cell}”不是数字（请去掉千位分隔符或百分号，或用 VALUE() 转换）`;
  else if (typeof cell === "boolean") problem = `逻辑值 ${cell ? "TRUE" : "FALSE"} 不是数字`;
  else if (typeof cell !== "number") problem = "需要数字";
  else if (!Number.isFinite(cell)) problem = `${cell} 不是有限数值`;
  else if (rules.min !== undefined && cell < rules.min) problem = `${cell} 小于允许的最小值 ${rules.min}`;
  else if (rules.max !== undefined && cell > rules.max) problem = `${cell} 大于允许的最大值 ${rules.max}`;
  else problem = `${cell} 须为整数`;
  return { ...base, message: `第 ${n} 行“${header}”列（${key}，单元格 ${at.address}）：${problem}。` };
}

/** The error of a row with data but no factor value: `row 18: no factor values …` / `第 18 行：该行没有任何因子数据…`. */
export function noFactorsError(state: ReviewState, r: number): EngineError {
  const n = sheetRowNumber(state.plan.place, r);
  return naError(state.lang === "zh" ? `第 ${n} 行：${NO_FACTORS_TEXT.zh}` : `row ${n}: ${NO_FACTORS_TEXT.en}`);
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

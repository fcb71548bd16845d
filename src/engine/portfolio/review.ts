/**
 * The portfolio review pipeline of the task pane, in chunks:
 *
 *   const state = prepareReview({ headers, rows, mapping, ledger, asOf, policy, lang });
 *   for (let i = 0; i < state.total; i += 5000) { reviewChunk(state, i, i + 5000); await yieldToExcel(); }
 *   const summary = summarise(state);
 *
 * `prepareReview` checks the mappings, digests the optional invoice ledger
 * (payment behaviour, aging, worst dunning stage per customer, DSO) and joins
 * it on customer_id. `reviewChunk` scores rows [start, end) into
 * `state.results`; chunks may come in any order and sizes (a cancelled review
 * simply stops calling it). `summarise` aggregates the reviewed rows in row
 * order, so any chunking gives the same summary.
 *
 * Join rule: a ledger customer joins the FIRST table row with the same
 * customer_id (trimmed text; the number 1001 and the text "1001" are the same
 * id). The ledger's payment behaviour (avg_days_late, max_days_late,
 * pct_invoices_late, overdue_share) fills a factor only where the table's own
 * cell is blank or the column is not mapped: figures the user typed win.
 * When the exposure cell is blank (or not mapped), the ledger's open amount
 * at as-of is the exposure.
 *
 * Row numbers: every message names the sheet's own row and cell
 * (`row 18, column "Quick ratio" (quick_ratio), cell Customers!F18: …`), from
 * the table's `place` (sheet, first data row, first column; default: header in
 * row 1 from column A), and every problem carries its `SheetLocation`.
 *
 * Per row: headroom = limit − exposure; breach = max(0, exposure − limit)
 * against the recommended limit, and breachCurrent against the mapped
 * credit_limit; expected loss = exposure × PD (12 months) × LGD (option
 * `expectedLossLgd`, default 0.6; no insurance). A negative exposure (a credit
 * balance) counts as 0.
 */
import { isBlank, readOptionalNumber, NumberRules } from "../cells";
import { EngineError, Result, isEngineError, naError, valueError } from "../errors";
import { readSerial } from "../dates";
import { Lang } from "../lang";
import { CreditPolicy, validatePolicy } from "../policy";
import { FACTORS, FACTOR_COUNT, FACTOR_KEYS, FactorKey, factorIndex, isFactorKey } from "../scoring/factors";
import { STATEMENT_KEYS } from "../scoring/derive";
import { BANDS, Band, CompiledModel, compileModel } from "../scoring/model";
import { NOT_REPORTED_KEYS, contributionsOf, givenColumns } from "../scoring/score";
import { formatReasons, topReasons } from "../scoring/reasons";
import { LIMIT_RULE_TEXT, LimitRule } from "../limit/limit";
import { LIMIT_INPUT_RULES } from "../limit/creditlimit";
import { BEHAVIOR_KEYS, assessVector, prepareVector } from "../customer/assess";
import { DEFAULT_AGING_EDGES, agingLabels } from "../receivables/aging";
import { DEFAULT_LGD } from "../receivables/expected-loss";
import { DEFAULT_PERIOD_DAYS } from "../receivables/dso-invoices";
import { customerKey } from "../receivables/ledger";
import { ColumnMapping, MappingIssue, checkMapping, columnOf, mappingMismatch } from "./mapping";
import { LedgerCustomer, LedgerDigest, MAX_ERROR_MESSAGES, ReviewProgress, digestLedgerSteps } from "./ledger-digest";
import { BAND_LABELS, BandKey, NO_EXPOSURE_TEXT, NO_FACTORS_TEXT, NO_LEDGER_TEXT, NO_OPEN_LABEL } from "./texts";
import { PercentColumn, finishPercentScan, scanPercentRow, startPercentScan } from "./percent-columns";
import { DEFAULT_PLACE, DataProblem, SheetLocation, SheetPlace, cellLocation, checkPlace, placeOf, rowLocation, sheetRowNumber } from "./place";

export type { PercentColumn } from "./percent-columns";
export { DEFAULT_PERCENT_BOUND, findPercentColumns, percentBound, percentColumnMessage } from "./percent-columns";
export type { DataProblem, SheetLocation, SheetPlace } from "./place";
export { DEFAULT_PLACE, cellLocation, columnRange, headerLocation, rowLocation, sheetRowNumber } from "./place";

/** Tuning of the review beyond the credit policy. */
export interface ReviewOptions {
  /** Loss given default for expected loss, 0–1 (default 0.6 = `DEFAULT_LGD`). */
  expectedLossLgd?: number;
  /** Aging bucket edges in days past due (default 30, 60, 90). */
  agingEdges?: readonly number[];
  /** Sales period of the portfolio DSO in days (default 90). */
  dsoPeriodDays?: number;
}

/** A mapped table: header row, data rows (no header), mapping, and where it sits on its sheet. */
export interface MappedTable {
  headers: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  mapping: ColumnMapping;
  /**
   * Sheet name, 0-based sheet row of the first data row and 0-based first
   * column (the pane passes the `TableArea` readTable gave): messages name
   * sheet rows and cells from it. Default `DEFAULT_PLACE` (header in row 1
   * from column A, no sheet name).
   */
  place?: SheetPlace | null;
}

export interface ReviewInput extends MappedTable {
  /** Optional invoice ledger, joined on customer_id. */
  ledger?: MappedTable | null;
  /** As-of date (Excel serial). */
  asOf: number;
  policy: CreditPolicy;
  lang: Lang;
  options?: ReviewOptions;
}

/** The review of one customer row. Amounts are in the table's currency. */
export interface CustomerResult {
  /** 0-based index of the row in the table's data rows. */
  row: number;
  /** The row number Excel shows for this row (1-based sheet row). */
  sheetRow: number;
  /** customer_id as given (trimmed text or number), or null (no column / blank cell: identify by row). */
  id: string | number | null;
  name: string | null;
  /** True when every mapped cell of the row is blank (left out of all counts). */
  blank: boolean;
  /** Score 0–100 (unrounded), null when not scored. */
  score: number | null;
  band: Band | null;
  /** 12-month probability of default implied by the score. */
  pd: number | null;
  /** Share of the model's weight that was observed, 0–1. */
  coverage: number | null;
  /** Recommended limit, null when neither net worth (equity) nor turnover (sales) is known, or not scored. */
  limit: number | null;
  limitRule: LimitRule | null;
  /** `LIMIT_RULE_TEXT[limitRule][lang]`. */
  limitRuleText: string | null;
  /** The mapped credit_limit (current limit). */
  currentLimit: number | null;
  /** Exposure (≥ 0): the exposure cell, else the joined ledger's open amount. */
  exposure: number | null;
  exposureSource: "table" | "ledger" | null;
  /** limit − exposure (negative = over the limit). */
  headroom: number | null;
  /** max(0, exposure − recommended limit). */
  breach: number | null;
  /** max(0, exposure − current limit). */
  breachCurrent: number | null;
  /** exposure × pd × lgd. */
  expectedLoss: number | null;
  /** True when a ledger customer is joined to this row. */
  ledger: boolean;
  /** Worst dunning stage of the open invoices, in the review language (ledger only). */
  dunningStage: string | null;
  /** −1 nothing open, 0 not due, 1..n ladder stage (ledger only). */
  dunningStageNumber: number | null;
  /** True when only disputed invoices reach the worst stage (held out of escalation). */
  dunningOnHold: boolean;
  /** Open amount per aging bucket (index 0 = not yet due), from the ledger; shared, do not mutate. */
  overdueByBucket: readonly number[] | null;
  /** True when another row has the same customer_id. */
  duplicateId: boolean;
  /** The problem of a bad row (it is then not scored); other rows are unaffected. */
  error: EngineError | null;
  /** Where the problem is: the offending cell, or the row (no factor values); null without an error. */
  errorAt: SheetLocation | null;
}

export interface DuplicateId {
  id: string | number;
  /** Rows (0-based data rows) that carry the id, the first of which gets the ledger. */
  rows: number[];
  /** The same rows as Excel numbers them (1-based sheet rows). */
  sheetRows: number[];
  /** The id cell of each of those rows. */
  at: SheetLocation[];
}

/** Column plan and scratch space, built once per review. */
interface Plan {
  readonly rows: readonly (readonly unknown[])[];
  readonly place: SheetPlace;
  readonly compiled: CompiledModel;
  readonly factorCol: Int32Array;
  readonly factorIdx: Int32Array;
  readonly factorMin: Float64Array;
  readonly factorMax: Float64Array;
  readonly factorInt: Uint8Array;
  readonly factorFlag: Uint8Array;
  readonly factorHeader: string[];
  readonly derive: boolean;
  readonly idCol: number;
  readonly nameCol: number;
  readonly exposureCol: number;
  readonly limitCol: number;
  readonly requestedCol: number;
  readonly termsCol: number;
  readonly headers: string[];
  readonly lgd: number;
  /** Ledger customer index per row, −1 none. */
  readonly ledgerOf: Int32Array;
  readonly duplicate: Uint8Array;
  readonly v: Float64Array;
  readonly pair: Float64Array;
  /** Factors the table has a column for (by factor index): a blank there is "not reported", not "not known". */
  readonly given: Uint8Array;
}

/** A review in progress. Read its fields; change it only through `reviewChunk`. */
export interface ReviewState {
  readonly total: number;
  /** Rows reviewed so far. */
  done: number;
  /** One entry per data row, null until reviewed. */
  readonly results: (CustomerResult | null)[];
  /** Warnings of the mappings (errors stop `prepareReview`). */
  readonly warnings: readonly MappingIssue[];
  readonly duplicates: readonly DuplicateId[];
  /** Ratio columns that look like percent numbers (see `findPercentColumns`), in column order. */
  readonly percentColumns: readonly PercentColumn[];
  readonly ledger: LedgerDigest | null;
  readonly asOf: number;
  readonly policy: CreditPolicy;
  readonly lang: Lang;
  readonly agingEdges: readonly number[];
  /** Where the customer table sits on its sheet (the given place, or `DEFAULT_PLACE`). */
  readonly place: SheetPlace;
  /** Internal column plan. */
  readonly plan: Plan;
}

const EMPTY_ROW: readonly unknown[] = [];
const BEHAVIOR_IDX = BEHAVIOR_KEYS.map((k) => factorIndex(k));
const STATEMENT = new Set<number>(STATEMENT_KEYS.map(factorIndex));
const RULES_EXPOSURE: NumberRules = {};
const RULES_LIMIT: NumberRules = LIMIT_INPUT_RULES.requested;
const RULES_TERMS: NumberRules = LIMIT_INPUT_RULES.termsDays;

function readOptions(o: ReviewOptions | undefined, lang: Lang): Result<{ lgd: number; edges: readonly number[]; period: number }> {
  const zh = lang === "zh";
  const lgd = o?.expectedLossLgd ?? DEFAULT_LGD;
  if (!Number.isFinite(lgd) || lgd < 0 || lgd > 1) return valueError(zh ? `违约损失率（LGD）须在 0 到 1 之间，当前为 ${lgd}。` : `expectedLossLgd must be between 0 and 1, got ${lgd}.`);
  const edges = o?.agingEdges ?? DEFAULT_AGING_EDGES;
  if (edges.length === 0 || edges.some((e, i) => !Number.isInteger(e) || e < 1 || (i > 0 && e <= edges[i - 1]))) {
    return valueError(zh ? "账龄分段须为递增的正整数天数（如 30、60、90）。" : "agingEdges must be ascending whole numbers of days > 0 (e.g. 30, 60, 90).");
  }
  const period = o?.dsoPeriodDays ?? DEFAULT_PERIOD_DAYS;
  if (!Number.isInteger(period) || period < 1) return valueError(zh ? "DSO 期间天数须为正整数。" : "dsoPeriodDays must be a whole number of days ≥ 1.");
  return { lgd, edges, period };
}

/**
 * Checks the inputs and prepares a review: validates policy, as-of date and
 * both mappings (a mapping error is returned as one EngineError in `lang`),
 * digests the ledger, joins it on customer_id, finds duplicate ids and ratio
 * columns holding percent numbers (`percentColumns`, see `findPercentColumns`).
 * Work: one pass over the ledger and one over the table's rows (about 1 s for
 * 1,000,000 invoices; use `prepareReviewSteps` to keep the host responsive).
 * @example prepareReview({ headers, rows, mapping: autoMapColumns(headers), asOf: serialFromYmd(2026, 6, 30), policy: DEFAULT_POLICY, lang: "en" })
 */
export function prepareReview(input: ReviewInput): Result<ReviewState> {
  const steps = prepareReviewSteps(input, Infinity);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/**
 * `prepareReview` as a generator: it yields progress every `step` ledger rows,
 * ledger customers and table rows, and returns the state (or the error).
 * Call `next()` until `done`, yielding to Excel in between; stop calling to cancel.
 * @example const it = prepareReviewSteps(input); let s = it.next(); while (!s.done) { showProgress(s.value); await tick(); s = it.next(); }
 */
export function* prepareReviewSteps(input: ReviewInput, step = 50_000): Generator<ReviewProgress, Result<ReviewState>, void> {
  const { lang, policy, mapping } = input;
  const bad = validatePolicy(policy);
  if (bad) return bad;
  const asOf = readSerial(input.asOf, lang === "zh" ? "评估基准日" : "as_of");
  if (isEngineError(asOf)) return asOf;
  const opts = readOptions(input.options, lang);
  if (isEngineError(opts)) return opts;

  const place = input.place ? placeOf(input.place) : DEFAULT_PLACE;
  const badPlace = checkPlace(place, input.headers.length, lang);
  if (badPlace) return badPlace;
  const mismatch = mappingMismatch(mapping, input.headers, lang, input.place);
  if (mismatch) return mismatch;
  const issues = checkMapping(mapping, "customers");
  const firstError = issues.find((i) => i.severity === "error");
  if (firstError) return valueError(firstError.message[lang]);
  const warnings: MappingIssue[] = issues.filter((i) => i.severity === "warning");

  let ledger: LedgerDigest | null = null;
  if (input.ledger) {
    const lm = input.ledger.mapping;
    const lp = input.ledger.place ? placeOf(input.ledger.place) : DEFAULT_PLACE;
    const badLedgerPlace = checkPlace(lp, input.ledger.headers.length, lang, { en: "ledger", zh: "发票台账" });
    if (badLedgerPlace) return badLedgerPlace;
    const lmis = mappingMismatch(lm, input.ledger.headers, lang, input.ledger.place);
    if (lmis) return valueError(`${lang === "zh" ? "发票台账" : "ledger"} ${lmis.message}`);
    const li = checkMapping(lm, "ledger");
    const le = li.find((i) => i.severity === "error");
    if (le) return valueError(le.message[lang]);
    warnings.push(...li.filter((i) => i.severity === "warning"));
    ledger = yield* digestLedgerSteps(input.ledger.rows, lm, asOf, policy.dunning, opts.edges, opts.period, lang, lp, step);
  }

  // Column plan.
  const cols = mapping.columns.filter((c) => c.key !== null && isFactorKey(c.key));
  const n = cols.length;
  const factorCol = new Int32Array(n), factorIdx = new Int32Array(n);
  const factorMin = new Float64Array(n), factorMax = new Float64Array(n);
  const factorInt = new Uint8Array(n), factorFlag = new Uint8Array(n);
  const factorHeader: string[] = [];
  let derive = false;
  cols.forEach((c, t) => {
    const fi = factorIndex(c.key as FactorKey);
    const def = FACTORS[fi];
    const rules = def.rules as NumberRules;
    factorCol[t] = c.index;
    factorIdx[t] = fi;
    factorMin[t] = rules.min ?? -Infinity;
    factorMax[t] = rules.max ?? Infinity;
    factorInt[t] = rules.integer ? 1 : 0;
    factorFlag[t] = def.unit === "flag" ? 1 : 0;
    factorHeader.push(c.header);
    if (STATEMENT.has(fi)) derive = true;
  });

  const rows = input.rows;
  const total = rows.length;
  const idCol = columnOf(mapping, "customer_id");
  const ledgerOf = new Int32Array(total).fill(-1);
  const duplicate = new Uint8Array(total);
  const duplicates: DuplicateId[] = [];
  // One pass over the rows: duplicate ids and the ledger join (id column), counts of the percent-unit columns.
  const scan = startPercentScan(mapping.columns);
  const scanning = scan.cols.length > 0;
  if (idCol >= 0 || scanning) {
    const first = new Map<string, number>();
    const dupOf = new Map<string, DuplicateId>();
    const slot = new Map<LedgerCustomer, number>();
    if (ledger) ledger.order.forEach((c, i) => slot.set(c, i));
    for (let r = 0; r < total; r++) {
      if (r > 0 && r % step === 0) yield { phase: "customers", done: r, total };
      const row = rows[r] ?? EMPTY_ROW;
      if (scanning) scanPercentRow(scan, row);
      if (idCol < 0) continue;
      const cell = row[idCol];
      if (isBlank(cell)) continue;
      const key = customerKey(cell);
      const f = first.get(key);
      if (f === undefined) {
        first.set(key, r);
        const lc = ledger?.customers.get(key);
        if (lc) {
          lc.matchedRow = r;
          ledgerOf[r] = slot.get(lc) as number;
        }
        continue;
      }
      let d = dupOf.get(key);
      if (!d) {
        d = { id: idValue(cell), rows: [f], sheetRows: [], at: [] };
        dupOf.set(key, d);
        duplicates.push(d);
        duplicate[f] = 1;
      }
      d.rows.push(r);
      duplicate[r] = 1;
    }
  }
  for (const d of duplicates) {
    d.sheetRows = d.rows.map((r) => sheetRowNumber(place, r));
    d.at = d.rows.map((r) => cellLocation(place, r, idCol));
  }

  const plan: Plan = {
    rows,
    place,
    compiled: compileModel(policy.model),
    factorCol,
    factorIdx,
    factorMin,
    factorMax,
    factorInt,
    factorFlag,
    factorHeader,
    derive,
    idCol,
    nameCol: columnOf(mapping, "customer_name"),
    exposureCol: columnOf(mapping, "exposure"),
    limitCol: columnOf(mapping, "credit_limit"),
    requestedCol: columnOf(mapping, "requested_limit"),
    termsCol: columnOf(mapping, "terms_days"),
    headers: mapping.columns.map((c) => c.header),
    lgd: opts.lgd,
    ledgerOf,
    duplicate,
    v: new Float64Array(FACTOR_COUNT),
    pair: new Float64Array(2),
    given: givenColumns(Array.from(factorIdx, (fi) => FACTOR_KEYS[fi])),
  };
  return {
    total,
    done: 0,
    results: new Array<CustomerResult | null>(total).fill(null),
    warnings,
    duplicates,
    percentColumns: scanning ? finishPercentScan(scan, rows, lang, place) : [],
    ledger,
    asOf,
    policy,
    lang,
    agingEdges: opts.edges,
    place,
    plan,
  };
}

function idValue(cell: unknown): string | number {
  return typeof cell === "number" ? cell : customerKey(cell);
}

/**
 * The error of a bad numeric cell at `at`, in `lang`, naming the sheet row,
 * the column and the cell: `row 18, column "Quick ratio" (quick_ratio), cell Customers!F18: …` /
 * `第 18 行“Quick ratio”列（quick_ratio，单元格 Customers!F18）：…`.
 */
function cellError(at: SheetLocation, header: string, key: string, cell: unknown, rules: NumberRules, lang: Lang): EngineError {
  const n = at.row + 1;
  const label = `row ${n}, column "${header}" (${key}), cell ${at.address}`;
  const en = readOptionalNumber(cell, label, rules);
  const base: EngineError = isEngineError(en) ? en : valueError(`${label}: unreadable value.`);
  if (lang === "en") return base;
  let problem: string;
  if (typeof cell === "string") problem = `文本“${cell.length > 30 ? cell.slice(0, 30) + "…" : cell}”不是数字（请去掉千位分隔符或百分号，或用 VALUE() 转换）`;
  else if (typeof cell === "boolean") problem = `逻辑值 ${cell ? "TRUE" : "FALSE"} 不是数字`;
  else if (typeof cell !== "number") problem = "需要数字";
  else if (!Number.isFinite(cell)) problem = `${cell} 不是有限数值`;
  else if (rules.min !== undefined && cell < rules.min) problem = `${cell} 小于允许的最小值 ${rules.min}`;
  else if (rules.max !== undefined && cell > rules.max) problem = `${cell} 大于允许的最大值 ${rules.max}`;
  else problem = `${cell} 须为整数`;
  return { ...base, message: `第 ${n} 行“${header}”列（${key}，单元格 ${at.address}）：${problem}。` };
}

/** The error of a row with data but no factor value: `row 18: no factor values …` / `第 18 行：该行没有任何因子数据…`. */
function noFactorsError(state: ReviewState, r: number): EngineError {
  const n = sheetRowNumber(state.plan.place, r);
  return naError(state.lang === "zh" ? `第 ${n} 行：${NO_FACTORS_TEXT.zh}` : `row ${n}: ${NO_FACTORS_TEXT.en}`);
}

/** Scratch of one row read (reused: no allocation per row). */
interface RowRead {
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

const scratchRead: RowRead = { error: null, errorAt: null, nonBlank: 0, any: false, exposure: null, currentLimit: null, requested: null, terms: null, lc: null };

/** Reads an optional numeric non-factor cell into a number, null, or records an error. */
function readAmount(state: ReviewState, out: RowRead, r: number, row: readonly unknown[], col: number, key: string, rules: NumberRules): number | null {
  if (col < 0) return null;
  const cell = row[col];
  if (typeof cell === "number" && Number.isFinite(cell) && (rules.min === undefined || cell >= rules.min) && (rules.max === undefined || cell <= rules.max)) {
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
function readRow(state: ReviewState, r: number, out: RowRead): void {
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
      out.error = cellError(out.errorAt, p.factorHeader[t], FACTOR_KEYS[p.factorIdx[t]], cell, FACTORS[p.factorIdx[t]].rules as NumberRules, state.lang);
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

function nameOf(cell: unknown): string | null {
  if (isBlank(cell)) return null;
  return typeof cell === "string" ? cell.trim() : String(cell);
}

function reviewRow(state: ReviewState, r: number): CustomerResult {
  const p = state.plan;
  const rd = scratchRead;
  readRow(state, r, rd);
  const row = p.rows[r] ?? EMPTY_ROW;
  const lc = rd.lc;
  const idCell = p.idCol >= 0 ? row[p.idCol] : null;
  let exposure: number | null = rd.exposure === null ? null : rd.exposure < 0 ? 0 : rd.exposure;
  let exposureSource: "table" | "ledger" | null = exposure === null ? null : "table";
  if (exposure === null && lc && !(rd.error && p.exposureCol >= 0 && !isBlank(row[p.exposureCol]))) {
    exposure = lc.open < 0 ? 0 : lc.open;
    exposureSource = "ledger";
  }
  const currentLimit = rd.currentLimit;
  const breachCurrent = exposure !== null && currentLimit !== null ? Math.max(0, exposure - currentLimit) : null;
  let error = rd.error;
  let errorAt = rd.errorAt;
  const blank = rd.nonBlank === 0 && !error;
  if (!error && !blank && !rd.any) {
    error = noFactorsError(state, r);
    errorAt = rowLocation(p.place, r);
  }

  let score: number | null = null, band: Band | null = null, pd: number | null = null, coverage: number | null = null;
  let limit: number | null = null, limitRule: LimitRule | null = null, limitRuleText: string | null = null;
  let headroom: number | null = null, breach: number | null = null, el: number | null = null;
  if (!error && !blank) {
    const a = assessVector(p.compiled, p.v, p.given, { termsDays: rd.terms, requested: rd.requested, exposure, lgd: p.lgd }, state.policy, p.derive);
    score = a.score;
    coverage = a.coverage;
    band = a.band;
    pd = a.pd;
    if (a.limit) {
      limit = a.limit.limit;
      limitRule = a.limit.rule;
      limitRuleText = LIMIT_RULE_TEXT[a.limit.rule][state.lang];
    }
    headroom = a.headroom;
    breach = a.breach;
    el = a.expectedLoss;
  }
  return {
    row: r,
    sheetRow: sheetRowNumber(p.place, r),
    id: p.idCol >= 0 && !isBlank(idCell) ? idValue(idCell) : null,
    name: p.nameCol >= 0 ? nameOf(row[p.nameCol]) : null,
    blank,
    score,
    band,
    pd,
    coverage,
    limit,
    limitRule,
    limitRuleText,
    currentLimit,
    exposure,
    exposureSource,
    headroom,
    breach,
    breachCurrent,
    expectedLoss: el,
    ledger: lc !== null,
    dunningStage: lc ? lc.dunningName : null,
    dunningStageNumber: lc ? lc.dunningStage : null,
    dunningOnHold: lc ? lc.dunningOnHold : false,
    overdueByBucket: lc ? lc.aging : null,
    duplicateId: p.duplicate[r] === 1,
    error,
    errorAt,
  };
}

/**
 * Reviews rows [start, end) (clamped to the table) into `state.results`.
 * Rows already reviewed are reviewed again (same result). One bad row
 * becomes that row's `error`; it never stops the chunk.
 */
export function reviewChunk(state: ReviewState, start: number, end: number): void {
  const s = Math.max(0, Math.floor(start));
  const e = Math.min(state.total, Math.floor(end));
  for (let r = s; r < e; r++) {
    if (state.results[r] === null) state.done++;
    state.results[r] = reviewRow(state, r);
  }
}

/**
 * The factor values and limit inputs of one row as the review uses them
 * (table cells, ledger behaviour filling blanks; statement items as given),
 * for `explainCustomer`. An error for a bad row or an out-of-range index.
 */
export function rowInputs(state: ReviewState, r: number): Result<{ values: Partial<Record<FactorKey, number>>; extras: ExplainExtras }> {
  if (!Number.isInteger(r) || r < 0 || r >= state.total) return valueError(`row ${r + 1} is not in the table (1–${state.total}).`);
  const rd: RowRead = { ...scratchRead };
  readRow(state, r, rd);
  if (rd.error) return rd.error;
  if (!rd.any) return noFactorsError(state, r);
  const v = state.plan.v;
  const values: Partial<Record<FactorKey, number>> = {};
  for (let i = 0; i < FACTOR_COUNT; i++) if (v[i] === v[i]) values[FACTOR_KEYS[i]] = v[i];
  // A blank cell in a mapped column whose blank the model scores ("not reported") stays a key (NaN),
  // so Explain scores the row as the review did.
  for (let i = 0; i < FACTOR_COUNT; i++) {
    const k = FACTOR_KEYS[i];
    if (state.plan.given[i] !== 1 || values[k] !== undefined) continue;
    const s = state.plan.compiled.slotOf[i];
    if (NOT_REPORTED_KEYS.includes(k) || (s >= 0 && state.plan.compiled.notReportedPoints[s] === state.plan.compiled.notReportedPoints[s])) values[k] = NaN;
  }
  let exposure = rd.exposure === null ? null : Math.max(0, rd.exposure);
  if (exposure === null && rd.lc) exposure = Math.max(0, rd.lc.open);
  return { values, extras: { termsDays: rd.terms, requested: rd.requested, exposure } };
}

/** Inputs of the limit and exposure figures that are not factors. */
export interface ExplainExtras {
  /** Net worth; default: equity, else total assets − total liabilities. */
  netWorth?: number | null;
  /** Annual turnover; default: sales. */
  sales?: number | null;
  termsDays?: number | null;
  requested?: number | null;
  /** Default: relationship_months. */
  relationshipMonths?: number | null;
  exposure?: number | null;
}

/**
 * Reason codes of one reviewed row as text in the review language (as
 * CREDITSCORE's "reasons"), "" for a row without reasons, null when the row is
 * an error or blank. For write-back; costs one re-read of the row.
 */
export function rowReasons(state: ReviewState, r: number): string | null {
  if (!Number.isInteger(r) || r < 0 || r >= state.total) return null;
  const rd: RowRead = { ...scratchRead };
  readRow(state, r, rd);
  if (rd.error || !rd.any) return null;
  prepareVector(state.plan.compiled, state.plan.v, state.plan.given, state.plan.derive);
  return formatReasons(topReasons(contributionsOf(state.plan.compiled, state.plan.v)), state.lang);
}

// ---------------------------------------------------------------- summary

export interface BandFigures {
  band: BandKey;
  label: string;
  /** Customers (rows) in the band. */
  count: number;
  exposure: number;
  expectedLoss: number;
  /** Sum of recommended limits. */
  recommendedLimit: number;
}

export interface LimitBreach {
  row: number;
  /** The row number Excel shows (1-based sheet row). */
  sheetRow: number;
  id: string | number | null;
  name: string | null;
  band: Band | null;
  exposure: number;
  limit: number;
  /** exposure − limit, > 0. */
  excess: number;
}

export interface UnmatchedLedgerId {
  id: string | number;
  invoices: number;
  /** Open amount at as-of. */
  open: number;
  /** The customer_id cell of the id's first ledger row. */
  at: SheetLocation;
}

export interface PortfolioSummary {
  asOf: number;
  lang: Lang;
  modelVersion: string;
  policyVersion: string;
  /** Data rows in the table. */
  rows: number;
  /** Rows reviewed so far (= rows when complete). */
  reviewed: number;
  complete: boolean;
  blankRows: number;
  /** Reviewed, non-blank rows. */
  customers: number;
  scored: number;
  /** Error rows (bad cells, or no factor values). */
  errors: number;
  /** The first few error messages, in row order. */
  errorMessages: string[];
  /** The same first few errors with the cell (or row) each is about. */
  errorItems: DataProblem[];
  /** A–E then "not_scored" (error rows). */
  bands: BandFigures[];
  totals: { exposure: number; expectedLoss: number; recommendedLimit: number; currentLimit: number };
  /** Exposure in bands D and E ÷ all exposure; null when there is no exposure. */
  exposureShareDE: number | null;
  exposureNote: string | null;
  /** Exposure above the recommended limit, largest excess first. */
  breaches: LimitBreach[];
  breachExcess: number;
  /** Exposure above the current (mapped) limit, largest excess first. */
  breachesCurrent: LimitBreach[];
  breachCurrentExcess: number;
  /** Open amount by aging bucket over the ledger customers joined to the table; null without a ledger. */
  aging: { labels: string[]; amounts: number[]; overdue: number; open: number } | null;
  /** Standard DSO of the whole ledger; null with `dsoNote` otherwise. */
  dso: number | null;
  dsoNote: string | null;
  /**
   * Exposure by band (rows: A–E, not scored) × aging bucket (columns: buckets,
   * then "No open invoices"), for rows joined to the ledger: each row's
   * exposure is split pro rata over its positive open amounts per bucket.
   */
  heatMap: { rows: string[]; columns: string[]; cells: number[][] } | null;
  heatMapNote: string | null;
  /** Exposure of reviewed rows with no ledger customer (not in the heat map). */
  exposureWithoutLedger: number;
  ledger: {
    invoices: number;
    badRows: number;
    errorMessages: string[];
    /** The same first few bad ledger rows with the offending cell. */
    errorItems: DataProblem[];
    customers: number;
    matched: number;
    unmatched: UnmatchedLedgerId[];
    unmatchedOpen: number;
  } | null;
  duplicateIds: DuplicateId[];
  /**
   * Ratio columns that look like percent numbers (55.3 for 55.3 %), with the
   * warning in the review language; their rows are still scored (never
   * rescaled), so their scores are wrong until the column is fixed.
   */
  percentColumns: PercentColumn[];
}

const BAND_KEYS: readonly BandKey[] = [...BANDS, "not_scored"];

function byExcess(a: LimitBreach, b: LimitBreach): number {
  return b.excess - a.excess || a.row - b.row;
}

/**
 * Aggregates the reviewed rows (in row order, so the result does not depend
 * on how the rows were chunked). Call it at any time: `complete` says whether
 * every row has been reviewed.
 */
export function summarise(state: ReviewState): PortfolioSummary {
  const lang = state.lang;
  const nb = state.agingEdges.length + 2;
  const bands: BandFigures[] = BAND_KEYS.map((b) => ({ band: b, label: BAND_LABELS[b][lang], count: 0, exposure: 0, expectedLoss: 0, recommendedLimit: 0 }));
  const cells = BAND_KEYS.map(() => new Array<number>(nb + 1).fill(0));
  const totals = { exposure: 0, expectedLoss: 0, recommendedLimit: 0, currentLimit: 0 };
  const breaches: LimitBreach[] = [];
  const breachesCurrent: LimitBreach[] = [];
  const errorMessages: string[] = [];
  const errorItems: DataProblem[] = [];
  let blankRows = 0, customers = 0, scored = 0, errors = 0, anyExposure = false, exposureWithoutLedger = 0;
  let breachExcess = 0, breachCurrentExcess = 0;
  for (let r = 0; r < state.total; r++) {
    const c = state.results[r];
    if (!c) continue;
    if (c.blank) {
      blankRows++;
      continue;
    }
    customers++;
    const bi = c.band === null ? BANDS.length : BANDS.indexOf(c.band);
    const bf = bands[bi];
    bf.count++;
    if (c.error) {
      errors++;
      if (errorMessages.length < MAX_ERROR_MESSAGES) {
        errorMessages.push(c.error.message);
        if (c.errorAt) errorItems.push({ message: c.error.message, at: c.errorAt });
      }
    } else scored++;
    const x = c.exposure;
    if (x !== null) {
      anyExposure = true;
      bf.exposure += x;
      totals.exposure += x;
      if (c.ledger && c.overdueByBucket) {
        const a = c.overdueByBucket;
        let pos = 0;
        for (let k = 0; k < nb; k++) if (a[k] > 0) pos += a[k];
        const line = cells[bi];
        if (pos > 0) {
          for (let k = 0; k < nb; k++) if (a[k] > 0) line[k] += (x * a[k]) / pos;
        } else line[nb] += x;
      } else exposureWithoutLedger += x;
    }
    if (c.expectedLoss !== null) {
      bf.expectedLoss += c.expectedLoss;
      totals.expectedLoss += c.expectedLoss;
    }
    if (c.limit !== null) {
      bf.recommendedLimit += c.limit;
      totals.recommendedLimit += c.limit;
    }
    if (c.currentLimit !== null) totals.currentLimit += c.currentLimit;
    if (c.breach !== null && c.breach > 0) {
      breaches.push({ row: r, sheetRow: c.sheetRow, id: c.id, name: c.name, band: c.band, exposure: x as number, limit: c.limit as number, excess: c.breach });
      breachExcess += c.breach;
    }
    if (c.breachCurrent !== null && c.breachCurrent > 0) {
      breachesCurrent.push({ row: r, sheetRow: c.sheetRow, id: c.id, name: c.name, band: c.band, exposure: x as number, limit: c.currentLimit as number, excess: c.breachCurrent });
      breachCurrentExcess += c.breachCurrent;
    }
  }
  breaches.sort(byExcess);
  breachesCurrent.sort(byExcess);
  const de = bands[3].exposure + bands[4].exposure;

  const lg = state.ledger;
  let aging: PortfolioSummary["aging"] = null;
  let ledgerOut: PortfolioSummary["ledger"] = null;
  let dso: number | null = null;
  let dsoNote: string | null = NO_LEDGER_TEXT[lang];
  const labels = agingLabels(state.agingEdges, lang);
  if (lg) {
    const amounts = new Array<number>(nb).fill(0);
    const unmatched: UnmatchedLedgerId[] = [];
    let unmatchedOpen = 0, matched = 0;
    for (const c of lg.order) {
      if (c.matchedRow >= 0) {
        matched++;
        for (let k = 0; k < nb; k++) amounts[k] += c.aging[k];
      } else {
        unmatched.push({ id: c.cell, invoices: c.invoices, open: c.open, at: cellLocation(lg.place, c.firstRow, lg.idColumn) });
        unmatchedOpen += c.open;
      }
    }
    let open = 0;
    for (let k = 0; k < nb; k++) open += amounts[k];
    aging = { labels, amounts, overdue: open - amounts[0], open };
    ledgerOut = { invoices: lg.invoices, badRows: lg.badRows, errorMessages: lg.firstErrors.map((e) => e.message), errorItems: lg.firstProblems.map((x) => ({ ...x })), customers: lg.order.length, matched, unmatched, unmatchedOpen };
    if (isEngineError(lg.dso)) dsoNote = lg.dso.message;
    else {
      dso = lg.dso;
      dsoNote = null;
    }
  }

  return {
    asOf: state.asOf,
    lang,
    modelVersion: state.policy.model.version,
    policyVersion: state.policy.version,
    rows: state.total,
    reviewed: state.done,
    complete: state.done === state.total,
    blankRows,
    customers,
    scored,
    errors,
    errorMessages,
    errorItems,
    bands,
    totals,
    exposureShareDE: totals.exposure > 0 ? de / totals.exposure : null,
    exposureNote: anyExposure ? null : NO_EXPOSURE_TEXT[lang],
    breaches,
    breachExcess,
    breachesCurrent,
    breachCurrentExcess,
    aging,
    dso,
    dsoNote,
    heatMap: lg ? { rows: BAND_KEYS.map((b) => BAND_LABELS[b][lang]), columns: [...labels, NO_OPEN_LABEL[lang]], cells } : null,
    heatMapNote: lg ? null : NO_LEDGER_TEXT[lang],
    exposureWithoutLedger,
    ledger: ledgerOut,
    duplicateIds: state.duplicates.map((d) => ({ id: d.id, rows: [...d.rows], sheetRows: [...d.sheetRows], at: [...d.at] })),
    percentColumns: state.percentColumns.map((c) => ({ ...c })),
  };
}

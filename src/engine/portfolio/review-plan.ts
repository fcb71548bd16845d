/** Planning a review: checks the inputs, digests and joins the ledger, maps the columns (`prepareReview`). */
import { isBlank, NumberRules } from "../cells";
import { Result, errorIn, isEngineError, valueError } from "../errors";
import { message } from "../messages";
import { readSerial } from "../dates";
import { Lang } from "../lang";
import { validatePolicy } from "../policy";
import { FACTORS, FACTOR_COUNT, FACTOR_KEYS, FactorKey, factorIndex, isFactorKey } from "../scoring/factors";
import { compileModel } from "../scoring/model";
import { givenColumns } from "../scoring/score";
import { DEFAULT_AGING_EDGES } from "../receivables/aging";
import { DEFAULT_LGD } from "../receivables/expected-loss";
import { DEFAULT_PERIOD_DAYS } from "../receivables/dso-invoices";
import { customerKey } from "../receivables/ledger";
import { MappingIssue, checkMapping, columnOf, mappingMismatch } from "./mapping";
import { LedgerCustomer, LedgerDigest, ReviewProgress, digestLedgerSteps } from "./ledger-digest";
import { finishPercentScan, scanPercentRow, startPercentScan } from "./percent-columns";
import { DEFAULT_PLACE, cellLocation, checkPlace, placeOf, sheetRowNumber } from "./place";
import { ReviewOptions, ReviewInput, CustomerResult, DuplicateId, Plan, ReviewState } from "./review-state";
import { EMPTY_ROW, STATEMENT, idValue } from "./review-rows";

function readOptions(o: ReviewOptions | undefined, lang: Lang): Result<{ lgd: number; edges: readonly number[]; period: number }> {
  const lgd = o?.expectedLossLgd ?? DEFAULT_LGD;
  if (!Number.isFinite(lgd) || lgd < 0 || lgd > 1) return valueError(message("review.lgd", { lgd }), lang);
  const edges = o?.agingEdges ?? DEFAULT_AGING_EDGES;
  if (edges.length === 0 || edges.some((e, i) => !Number.isInteger(e) || e < 1 || (i > 0 && e <= edges[i - 1]))) {
    return valueError(message("review.agingEdges"), lang);
  }
  const period = o?.dsoPeriodDays ?? DEFAULT_PERIOD_DAYS;
  if (!Number.isInteger(period) || period < 1) return valueError(message("review.dsoPeriod"), lang);
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
  const asOf = readSerial(input.asOf, message("review.asOf"));
  if (isEngineError(asOf)) return errorIn(asOf, lang);
  const opts = readOptions(input.options, lang);
  if (isEngineError(opts)) return opts;

  const place = input.place ? placeOf(input.place) : DEFAULT_PLACE;
  const badPlace = checkPlace(place, input.headers.length, lang);
  if (badPlace) return badPlace;
  const mismatch = mappingMismatch(mapping, input.headers, lang, input.place);
  if (mismatch) return mismatch;
  const issues = checkMapping(mapping, "customers");
  const firstError = issues.find((i) => i.severity === "error");
  if (firstError) return valueError(firstError.msg, lang);
  const warnings: MappingIssue[] = issues.filter((i) => i.severity === "warning");

  let ledger: LedgerDigest | null = null;
  if (input.ledger) {
    const lm = input.ledger.mapping;
    const lp = input.ledger.place ? placeOf(input.ledger.place) : DEFAULT_PLACE;
    const badLedgerPlace = checkPlace(lp, input.ledger.headers.length, lang, message("review.ledger"));
    if (badLedgerPlace) return badLedgerPlace;
    const lmis = mappingMismatch(lm, input.ledger.headers, lang, input.ledger.place);
    if (lmis) return lmis.msg ? valueError(message("review.ledgerPrefix", { cause: lmis.msg }), lang) : lmis;
    const li = checkMapping(lm, "ledger");
    const le = li.find((i) => i.severity === "error");
    if (le) return valueError(le.msg, lang);
    warnings.push(...li.filter((i) => i.severity === "warning"));
    ledger = yield* digestLedgerSteps(input.ledger.rows, lm, asOf, policy.dunning, opts.edges, opts.period, lang, lp, step);
  }

  // Column plan.
  const cols = mapping.columns.filter((c) => c.key !== null && isFactorKey(c.key));
  const n = cols.length;
  const factorCol = new Int32Array(n),
    factorIdx = new Int32Array(n);
  const factorMin = new Float64Array(n),
    factorMax = new Float64Array(n);
  const factorInt = new Uint8Array(n),
    factorFlag = new Uint8Array(n);
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

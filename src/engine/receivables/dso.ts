/**
 * The DSO family: days sales outstanding by the standard, countback, average
 * and best-possible methods, and average days delinquent (ADD).
 *
 * Units: amounts in any one currency (the same for AR and sales), results in
 * days (unrounded). Definitions follow the domain reference:
 * - standard DSO = ending AR ÷ credit sales of the period × days in period;
 * - countback DSO walks back month by month from the newest month,
 *   subtracting each month's credit sales from AR and counting its days until
 *   AR is used up; the last month counts pro rata;
 * - average DSO uses (opening AR + closing AR) ÷ 2 instead of ending AR;
 * - best possible DSO = current (not yet due) AR ÷ credit sales × days;
 * - ADD = DSO − best possible DSO = overdue AR ÷ credit sales × days.
 */
import { isBlank, isBlankOrZero, readNumber, readOptionalNumber } from "../cells";
import { Result, div0Error, isEngineError, naError, valueError } from "../errors";
import { MessageId, message } from "../messages";
import { FunctionSpec, readCall, runRows } from "../spec";
import { Spill, SpillCell, readVector } from "../spill";
import { requireGrid } from "./common";

/** DSO methods accepted by `dsoCore`. */
export const DSO_METHODS = ["standard", "countback", "average", "bestpossible", "add"] as const;
export type DsoMethod = (typeof DSO_METHODS)[number];

/** Default days in period for the period methods: sales are annual credit sales. */
export const DEFAULT_DAYS_IN_PERIOD = 365;
/** Default length of one month for countback. */
export const DEFAULT_DAYS_PER_MONTH = 30;

/**
 * `=RISK.DSO(receivables, credit_sales, [days_in_period], [method])`, declared. The shapes of receivables and
 * credit_sales depend on the method (see `dsoCore`); days_in_period is read by `readDays` (blank = the default,
 * otherwise a number above 0).
 */
export const DSO_SPEC = {
  id: "DSO",
  params: [
    { name: "receivables", shape: "matrix", kind: "amount", data: true },
    { name: "credit_sales", shape: "matrix", kind: "amount", data: true },
    {
      name: "days_in_period",
      shape: "column",
      kind: "count",
      optional: true,
      default: DEFAULT_DAYS_IN_PERIOD,
      cell: (cell: unknown, name: string) => readDays(cell, DEFAULT_DAYS_IN_PERIOD, name),
    },
    { name: "method", shape: "scalar", kind: "enum", optional: true, choices: DSO_METHODS, default: "standard" },
  ],
} as const satisfies FunctionSpec;
const [RECEIVABLES, CREDIT_SALES, DAYS_IN_PERIOD] = DSO_SPEC.params;

/** The standard method's view of the spec: one receivables and one credit_sales per row. */
const STANDARD_SPEC = {
  id: "DSO",
  params: [{ ...RECEIVABLES, shape: "column" }, { ...CREDIT_SALES, shape: "column" }, DAYS_IN_PERIOD],
} as const satisfies FunctionSpec;

/**
 * The two-column methods' view: receivables is two columns per row (named by their part in messages, e.g.
 * "receivables (opening AR)"), then credit_sales and days_in_period per row.
 */
function twoColumnSpec(first: MessageId, second: MessageId) {
  const part = (id: MessageId) => (cell: unknown) => readNumber(cell, message("arg.part", { arg: RECEIVABLES.name, part: message(id) }));
  return {
    id: "DSO",
    params: [
      { ...RECEIVABLES, shape: "column", cell: part(first) },
      { ...RECEIVABLES, name: "receivables_second", shape: "column", cell: part(second) },
      { ...CREDIT_SALES, shape: "column" },
      DAYS_IN_PERIOD,
    ],
  } as const satisfies FunctionSpec;
}

function checkDays(days: number, arg = "days_in_period"): Result<true> {
  if (!(days > 0)) return valueError(message("num.mustBePositive", { arg, value: days }));
  return true;
}

/**
 * Standard DSO = ending AR ÷ credit sales × days in period.
 *
 * @param ar ending accounts receivable (≥ 0)
 * @param sales credit sales of the period (> 0; 0 gives #DIV/0!)
 * @param days days in the period (> 0), 365 for annual sales
 * @returns days
 * @example dsoStandard(15_000, 10_000, 30) // 45
 */
export function dsoStandard(ar: number, sales: number, days: number = DEFAULT_DAYS_IN_PERIOD): Result<number> {
  if (ar < 0) return valueError(message("rcv.negativeAr", { arg: "receivables", value: ar }));
  return daysOfSales(ar, sales, days);
}

/**
 * Average DSO = ((opening AR + closing AR) ÷ 2) ÷ credit sales × days.
 * @example dsoAverage(10_000, 20_000, 30_000, 30) // 15
 */
export function dsoAverage(openingAr: number, closingAr: number, sales: number, days: number = DEFAULT_DAYS_IN_PERIOD): Result<number> {
  if (openingAr < 0)
    return valueError(message("rcv.negativeArPart", { arg: "receivables", part: message("ar.opening"), value: openingAr }));
  if (closingAr < 0)
    return valueError(message("rcv.negativeArPart", { arg: "receivables", part: message("ar.closing"), value: closingAr }));
  return daysOfSales((openingAr + closingAr) / 2, sales, days);
}

/** amount ÷ sales × days, with the sales and days checks shared by every method. */
function daysOfSales(amount: number, sales: number, days: number): Result<number> {
  if (sales < 0) return valueError(message("rcv.negativeSales", { arg: "credit_sales", value: sales }));
  if (sales === 0) return div0Error(message("dso.noSales"));
  const d = checkDays(days);
  if (isEngineError(d)) return d;
  return (amount / sales) * days;
}

/**
 * Best possible DSO = current (not yet due) AR ÷ credit sales × days.
 * `currentAr` may not exceed `totalAr`.
 * @example bestPossibleDso(15_000, 4_000, 10_000, 30) // 12
 */
export function bestPossibleDso(totalAr: number, currentAr: number, sales: number, days: number = DEFAULT_DAYS_IN_PERIOD): Result<number> {
  const c = checkCurrent(totalAr, currentAr);
  if (isEngineError(c)) return c;
  return daysOfSales(currentAr, sales, days);
}

/**
 * Average days delinquent ADD = DSO − best possible DSO = (total AR − current AR) ÷ credit sales × days.
 * @example averageDaysDelinquent(15_000, 4_000, 10_000, 30) // 45 − 12 = 33
 */
export function averageDaysDelinquent(
  totalAr: number,
  currentAr: number,
  sales: number,
  days: number = DEFAULT_DAYS_IN_PERIOD,
): Result<number> {
  const c = checkCurrent(totalAr, currentAr);
  if (isEngineError(c)) return c;
  return daysOfSales(totalAr - currentAr, sales, days);
}

function checkCurrent(totalAr: number, currentAr: number): Result<true> {
  if (totalAr < 0) return valueError(message("rcv.negativeArPart", { arg: "receivables", part: message("ar.total"), value: totalAr }));
  if (currentAr < 0) return valueError(message("rcv.negativeCurrentAr", { arg: "receivables", value: currentAr }));
  if (currentAr > totalAr) {
    return valueError(message("rcv.currentAboveTotal", { arg: "receivables", current: currentAr, total: totalAr }));
  }
  return true;
}

/**
 * Countback DSO.
 *
 * Walks back from the newest month: while AR exceeds the month's sales, the
 * month counts in full and its sales are subtracted; the month where AR runs
 * out counts pro rata (remaining AR ÷ that month's sales × its days). A month
 * of 0 counts in full (no sales that month).
 *
 * @param ar ending AR (≥ 0; 0 gives 0 days)
 * @param monthlySales credit sales per month, OLDEST FIRST, NEWEST LAST;
 *   `null` = not known: the walk stops there (#N/A naming the month).
 * @param daysPerMonth days of each month (same length as `monthlySales`), or one number for all months
 * @returns days; #N/A when AR exceeds the sales of all known months (the walk
 *   cannot finish: supply more months)
 * @example dsoCountback(212_000, [70_000, 80_000, 100_000], 30) // 30 + 30 + 32/70 × 30 = 73.714…
 */
export function dsoCountback(
  ar: number,
  monthlySales: ReadonlyArray<number | null>,
  daysPerMonth: number | ReadonlyArray<number> = DEFAULT_DAYS_PER_MONTH,
): Result<number> {
  return countbackOver(ar, monthlySales, daysPerMonth, 0, monthlySales.length - 1);
}

/** A number for a message: 12 significant digits, so sums show without float noise (62000, not 62000.00000000001). */
function num(v: number): string {
  return String(Number(v.toPrecision(12)));
}

/**
 * Countback over months `lo` … `hi` of `monthlySales` (the months with data;
 * months outside are the empty ends of a longer range). Messages number the
 * months by their place in the whole range (month 1 = oldest).
 */
function countbackOver(
  ar: number,
  monthlySales: ReadonlyArray<number | null>,
  daysPerMonth: number | ReadonlyArray<number>,
  lo: number,
  hi: number,
): Result<number> {
  if (ar < 0) return valueError(message("rcv.negativeAr", { arg: "receivables", value: ar }));
  for (let k = lo; k <= hi; k++) {
    const s = monthlySales[k];
    if (s !== null && s < 0) return valueError(message("dso.negativeMonth", { month: k + 1, value: s }));
  }
  const dayOf = (k: number): number => (typeof daysPerMonth === "number" ? daysPerMonth : daysPerMonth[k]);
  if (ar === 0) return 0;
  const m = monthlySales.length;
  if (lo > hi) {
    return naError(message("dso.noMonthSales", { months: m }));
  }
  // Cumulative sums (newest first) rather than repeated subtraction, with a
  // relative tolerance so AR equal to the sum of the months is not an #N/A.
  const eps = ar * 1e-12;
  let cum = 0;
  let days = 0;
  for (let k = hi; k >= lo; k--) {
    const s = monthlySales[k];
    if (s === null) {
      return naError(message("dso.blankMonth", { month: k + 1, days: num(days), left: num(ar - cum) }));
    }
    const d = dayOf(k);
    const before = cum;
    cum += s;
    if (s > 0 && ar <= cum + eps) return days + Math.min(1, Math.max(0, (ar - before) / s)) * d;
    days += d;
  }
  // #N/A (not #NUM!): the result is not available from the months given, and Excel shows #N/A's message.
  const counted = { months: m, days: num(days), left: num(ar - cum) };
  if (lo === 0 && hi === m - 1) return naError(message("dso.exceedsAll", counted));
  return naError(message("dso.exceedsData", { ...counted, n: hi - lo + 1, from: lo + 1, to: hi + 1 }));
}

/**
 * DSO family as a spilled formula: `=RISK.DSO(receivables, credit_sales, [days_in_period], [method])`.
 *
 * Argument rules per method (n = number of rows/customers):
 * - `"standard"` (default): receivables, credit_sales and days_in_period are
 *   single cells or columns/rows of equal length (single cells repeat);
 *   days_in_period defaults to 365 (credit_sales = annual sales).
 * - `"average"`: receivables is n × 2, [opening AR, closing AR] per row.
 * - `"bestpossible"`: receivables is n × 2, [total AR, current (not yet due) AR].
 * - `"add"`: as bestpossible; returns DSO − best possible DSO.
 * - `"countback"`: one AR (a single cell) with a column or row of monthly sales
 *   (oldest first, newest LAST) → one result; or several customers: receivables
 *   a column n × 1 with credit_sales n × m, one customer per row, months
 *   left → right oldest → newest (or receivables a row 1 × n with credit_sales
 *   m × n, one customer per column, months top → bottom). days_in_period is
 *   the days per month: one number (default 30) or a range with one value per month.
 *   A month that is empty for every customer (blank, or 0 as Excel desktop
 *   passes an empty cell) at either end of the range is an unused cell of a
 *   longer range: the walk starts at the newest month with data and ends at
 *   the oldest. Months in between are real: 0 = no sales that month, blank =
 *   not known (the walk stops there with #N/A naming the month).
 * - Empty rows (customers) give "": blank ones anywhere, blank or 0 ones at
 *   either end of a selection.
 *
 * Per-row problems (negative amounts, text, zero sales) are errors in that row;
 * shape problems and an unknown method are one error.
 *
 * @example dsoCore([[212000]], [[70000],[80000],[100000]], null, "countback") // [[73.714…]]
 * @example dsoCore([[15000, 4000]], [[10000]], [[30]], "add") // [[33]]
 */
export function dsoCore(receivables: unknown, creditSales: unknown, daysInPeriod: unknown, method: unknown): Result<Spill> {
  const call = readCall(DSO_SPEC, [receivables, creditSales, daysInPeriod, method]);
  if (isEngineError(call)) return call;
  const m = call.method;
  if (m === "countback") return countbackCore(receivables, creditSales, daysInPeriod);
  if (m === "standard") {
    return runRows(STANDARD_SPEC, [receivables, creditSales, daysInPeriod], (r) =>
      dsoStandard(r.receivables, r.credit_sales, r.days_in_period),
    );
  }
  return twoColumnCore(m, receivables, creditSales, daysInPeriod);
}

/** Days in period (or per month): blank → `fallback`, otherwise a number above 0, named `arg` in messages. */
function readDays(cell: unknown, fallback: number, arg = "days_in_period"): Result<number> {
  const d = readOptionalNumber(cell, arg);
  if (isEngineError(d)) return d;
  if (d === null) return fallback;
  const ok = checkDays(d, arg);
  return isEngineError(ok) ? ok : d;
}

const TWO_COLUMN_RULE: Record<"average" | "bestpossible" | "add", MessageId> = {
  average: "ar.rule.average",
  bestpossible: "ar.rule.currentOfTotal",
  add: "ar.rule.currentOfTotal",
};

function twoColumnCore(
  m: "average" | "bestpossible" | "add",
  receivables: unknown,
  creditSales: unknown,
  daysInPeriod: unknown,
): Result<Spill> {
  const grid = requireGrid(receivables, RECEIVABLES.name);
  if (isEngineError(grid)) return grid;
  if (grid[0].length !== 2) {
    return valueError(message("dso.twoColumns", { method: m, rule: message(TWO_COLUMN_RULE[m]), cols: grid[0].length }));
  }
  const [first, second] = (m === "average" ? ["ar.opening", "ar.closing"] : ["ar.total", "ar.current"]) as [MessageId, MessageId];
  // The two receivables columns, one row per receivables row; results are always a column here.
  const firstCol = grid.map((r) => [r[0]]);
  const secondCol = grid.map((r) => [r[1]]);
  return runRows(
    twoColumnSpec(first, second),
    [firstCol, secondCol, creditSales, daysInPeriod],
    (r) => {
      const [a, b, s, d] = [r.receivables, r.receivables_second, r.credit_sales, r.days_in_period];
      if (m === "average") return dsoAverage(a, b, s, d);
      if (m === "bestpossible") return bestPossibleDso(a, b, s, d);
      return averageDaysDelinquent(a, b, s, d);
    },
    { vertical: true },
  );
}

function countbackCore(receivables: unknown, creditSales: unknown, daysInPeriod: unknown): Result<Spill> {
  const arGrid = requireGrid(receivables, "receivables");
  if (isEngineError(arGrid)) return arGrid;
  const salesGrid = requireGrid(creditSales, "credit_sales");
  if (isEngineError(salesGrid)) return salesGrid;
  const rows = arGrid.length;
  const cols = arGrid[0].length;

  // Normalise to: one AR per customer + one months array per customer (oldest first).
  let ars: unknown[];
  let months: unknown[][];
  let horizontal = false;
  if (rows === 1 && cols === 1) {
    const v = readVector(creditSales, "credit_sales");
    if (isEngineError(v)) {
      return valueError(message("dso.countbackLine"));
    }
    ars = [arGrid[0][0]];
    months = [v ? v.values : []];
  } else if (cols === 1) {
    if (salesGrid.length !== rows) {
      return valueError(message("dso.countbackRows", { rows: salesGrid.length, ar: rows }));
    }
    ars = arGrid.map((r) => r[0]);
    months = salesGrid;
  } else if (rows === 1) {
    if (salesGrid[0].length !== cols) {
      return valueError(message("dso.countbackCols", { cols: salesGrid[0].length, ar: cols }));
    }
    ars = arGrid[0];
    months = arGrid[0].map((_, j) => salesGrid.map((r) => r[j]));
    horizontal = true;
  } else {
    return valueError(message("dso.countbackShape", { rows, cols }));
  }

  const monthCount = months[0].length;
  // The months with data: a month (column of the customers' grid) that is
  // empty or 0 for every customer at either end of the range is an unused cell
  // of a longer range (Excel desktop passes empty cells as 0, the web null or
  // ""), so countback starts at the newest month with data. Months in between
  // are real: 0 = no sales that month, blank = not known.
  const monthUsed = (k: number) => months.some((row) => !isBlankOrZero(row[k]));
  let lo = 0;
  while (lo < monthCount && !monthUsed(lo)) lo++;
  let hi = monthCount - 1;
  while (hi >= lo && !monthUsed(hi)) hi--;

  // Days per month: one number for every month, or one value per month (read for the months with data).
  let daysPerMonth: number | number[] = DEFAULT_DAYS_PER_MONTH;
  const dv = readVector(daysInPeriod, "days_in_period");
  if (isEngineError(dv)) return dv;
  if (dv && dv.values.length === 1) {
    const d = readDays(dv.values[0], DEFAULT_DAYS_PER_MONTH, "days_in_period (days per month)");
    if (isEngineError(d)) return d;
    daysPerMonth = d;
  } else if (dv) {
    if (dv.values.length !== monthCount) {
      return valueError(message("dso.daysPerMonth", { n: dv.values.length, months: monthCount }));
    }
    const list: number[] = new Array(monthCount).fill(DEFAULT_DAYS_PER_MONTH);
    for (let k = lo; k <= hi; k++) {
      const d = readDays(dv.values[k], DEFAULT_DAYS_PER_MONTH, `days_in_period (month ${k + 1})`);
      if (isEngineError(d)) return d;
      list[k] = d;
    }
    daysPerMonth = list;
  }

  // Customers (rows of a column of AR, or columns of a row of AR) that hold
  // nothing give "": blank anywhere, or blank/0 at either end of the selection.
  // Only the months with data count: the others are empty for everyone.
  const n = ars.length;
  const emptyCustomer = (i: number, empty: (c: unknown) => boolean) => {
    if (!empty(ars[i])) return false;
    for (let k = lo; k <= hi; k++) if (!empty(months[i][k])) return false;
    return true;
  };
  let firstC = 0;
  let lastC = n - 1;
  if (n > 1) {
    while (firstC < n && emptyCustomer(firstC, isBlankOrZero)) firstC++;
    while (lastC >= firstC && emptyCustomer(lastC, isBlankOrZero)) lastC--;
  }

  const out: SpillCell[] = ars.map((arCell, i) => {
    if (n > 1 && (i < firstC || i > lastC || emptyCustomer(i, isBlank))) return "";
    const a = readNumber(arCell, "receivables");
    if (isEngineError(a)) return a;
    const ms: (number | null)[] = new Array(monthCount).fill(null);
    for (let k = lo; k <= hi; k++) {
      const s = readOptionalNumber(months[i][k], message("arg.month", { arg: "credit_sales", month: k + 1 }));
      if (isEngineError(s)) return s;
      ms[k] = s;
    }
    return countbackOver(a, ms, daysPerMonth, lo, hi);
  });
  return horizontal ? [out] : out.map((v) => [v]);
}

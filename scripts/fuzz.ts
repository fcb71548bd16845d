/**
 * `npm run fuzz -- [--cases N] [--seed S] [--formula NAME] [--case K] [--help]`
 *
 * Random argument sets against the real custom-function adapters of
 * src/functions (the nine RISK.* formulas), with a CustomFunctions stand-in
 * like the one Excel's runtime provides. Arguments are what Excel can pass and
 * worse: numbers (NaN, ±Infinity, −0, huge and tiny), numeric and formula-like
 * text ("1,234", "=1+1", "@SUM(A1)"), booleans, blanks (null, "", whitespace,
 * "n/a", and 0 as Excel desktop passes an empty cell), dates out of range, Excel
 * errors passed in (#N/A, #REF! …), very long text, single cells, 1×1 ranges,
 * rows, columns, mismatched, 2-D and large ranges, empty arrays, ragged arrays,
 * flat lists, nested arrays and plain objects.
 *
 * A case fails on: a raw throw or the adapter guard's "internal error"; any
 * value Excel cannot take (undefined, NaN, ±Infinity, −0, text over 32,767
 * characters, an object that is not a CustomFunctions.Error, an error code a
 * formula may not return, a #VALUE!/#N/A without a message); a result that is
 * not a non-empty rectangular matrix, or whose shape is not the documented one
 * for the inputs (one row per input row, a row in → a row out, header rows …);
 * an out-of-range value (score outside 0–100, PD or a share outside 0–1, a
 * negative limit, DSO or CEI, CEI above 100, an expected loss above the
 * exposure …); a different result for the same arguments the second time;
 * arguments changed by the call; or, for about 30 % of the cases, a different
 * result when empty cells (0 as Excel desktop passes them, or null / "" as the
 * web does) are added at the ends of the per-row ranges or of a countback month
 * range, as when a user selects more rows or months than hold data (the same
 * results, plus "" for the added rows).
 *
 * Each case is generated from (seed, formula, case number) alone, so a failure
 * prints the command that replays exactly that case (`--case K`).
 * Exit code: 0 when every case passed, 1 on any failure, 2 on bad options.
 */
import { parseArgs } from "node:util";
import { mulberry32 } from "../src/engine/random";
import * as F from "../src/functions/functions";

// ---------------------------------------------------------------------------
// The CustomFunctions global: the tests' stand-in when it is there, else an equivalent.

interface CfError {
  code: string;
  message?: string;
}
interface CfGlobal {
  Error: new (code: string, message?: string) => CfError;
  ErrorCode: Record<string, string>;
}
const G = globalThis as unknown as { CustomFunctions?: CfGlobal; Office?: unknown };
if (!G.CustomFunctions) {
  class StandInError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  G.CustomFunctions = {
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}
const CF = (): CfGlobal => G.CustomFunctions as CfGlobal;
const isCfError = (x: unknown): x is CfError => x instanceof CF().Error;

// ---------------------------------------------------------------------------
// Random generation.

/** A case's random source: deterministic from (seed, formula index, case number). */
export class Gen {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = mulberry32(seed);
  }
  f(): number {
    return this.r();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  /** Picks a key by weight. */
  weighted<K extends string>(w: Record<K, number>): K {
    const keys = Object.keys(w) as K[];
    let total = 0;
    for (const k of keys) total += w[k];
    let x = this.r() * total;
    for (const k of keys) {
      x -= w[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1];
  }
}

/** The seed of case `i` of formula `fi` (a 32-bit mix, so neighbouring cases are unrelated). */
export function caseSeed(seed: number, fi: number, i: number): number {
  let h = (seed ^ Math.imul(fi + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const LONG_TEXTS = [
  " ".repeat(100_000) + "x",
  "1 ".repeat(20_000) + "%x",
  "a".repeat(40_000),
  "=" + "A1+".repeat(12_000) + "1",
  "n/a" + " ".repeat(50_000),
];
const WEIRD_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1e308,
  -1e308,
  1.7976931348623157e308,
  5e-324,
  -5e-324,
  1e-300,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  0.1 + 0.2,
  -1,
  1,
  0.5,
  60,
  61,
  2958465,
  2958465.99,
  2958466,
  -2958465,
  1e15,
  12345678.9,
];
const TEXTS = [
  "1,234",
  "35%",
  "12",
  " 7 ",
  "=1+1",
  "@SUM(A1)",
  "+1",
  "-1",
  "＝1+1",
  "＠SUM(A1)",
  "\t=1",
  "abc",
  "2026-01-31",
  "31/01/2026",
  "TRUE",
  "FALSE",
  "yes",
  "no",
  "是",
  "否",
  "x",
  "A",
  "e",
  "B ",
  "F",
  "n/a",
  "NA",
  "#N/A",
  "-",
  "--",
  "?",
  "unknown",
  "未知",
  "不详",
  "",
  " ",
  "\t",
  "\n",
  "0",
  "1e5",
  "Infinity",
  "NaN",
  "-0",
  "Debt ratio",
  "资产负债率",
  "countback",
  "all",
  "period",
  "number",
  "score",
  "\u0000",
  "😀",
  "\uD800",
  "C1",
  " C1 ",
];
const ERROR_CODES = ["#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!"];

/** A value no sane caller passes as a cell: objects, arrays, functions, symbols, big integers, look-alike errors. */
function oddCell(g: Gen): unknown {
  switch (g.int(0, 8)) {
    case 0:
      return {};
    case 1:
      return Object.create(null);
    case 2:
      return [g.int(0, 9), "x"];
    case 3:
      return [[1]];
    case 4:
      return { code: g.pick(ERROR_CODES) }; // a plain object shaped like an error
    case 5:
      return { code: 5, message: {} };
    case 6:
      return () => 1;
    case 7:
      return Symbol("cell");
    default:
      return BigInt(g.int(0, 99));
  }
}

/** Any strange cell: weird numbers, text, booleans, blanks, Excel errors, long text, odd values. */
export function chaosCell(g: Gen): unknown {
  switch (g.weighted({ num: 30, text: 30, bool: 6, blank: 12, error: 8, long: 1, odd: 3, date: 10 })) {
    case "num":
      return g.pick(WEIRD_NUMBERS);
    case "text":
      return g.pick(TEXTS);
    case "bool":
      return g.chance(0.5);
    case "blank":
      return g.pick([null, "", " ", 0, undefined, "n/a"]);
    case "error":
      return g.chance(0.5)
        ? new (CF().Error)(g.pick(ERROR_CODES))
        : new (CF().Error)(g.pick(ERROR_CODES), g.pick(["lookup failed", "", "x".repeat(500)]));
    case "long":
      return g.pick(LONG_TEXTS);
    case "odd":
      return oddCell(g);
    default:
      return g.pick([-1, 0, 1, 59, 60, 61, 2958465, 2958466, 3e6, 45000.5, -45000, 1e9]);
  }
}

/** What a parameter holds, for realistic values. */
export type Kind = "amount" | "ratio" | "share" | "date" | "days" | "months" | "score" | "id" | "flag" | "count";

const BASE = 45_658; // 2025-01-01

function domainCell(g: Gen, kind: Kind): unknown {
  switch (kind) {
    case "amount":
      switch (g.int(0, 9)) {
        case 0:
          return g.chance(0.5) ? 0 : -0;
        case 1:
          return -g.int(1, 5000);
        case 2:
          return Math.round(g.f() * 1e9) / 100;
        case 3:
          return g.int(0, 10);
        default:
          return g.int(1, 200_000);
      }
    case "ratio":
      return g.chance(0.1) ? g.int(-2, 50) : Math.round((g.f() * 2 - 0.5) * 1000) / 1000;
    case "share":
      return g.chance(0.1) ? g.pick([1.5, -0.1, 5, 90, -0]) : Math.round(g.f() * 1000) / 1000;
    case "date":
      return g.chance(0.1) ? BASE + g.int(0, 600) + 0.5 : BASE + g.int(0, 600);
    case "days":
      return g.chance(0.1) ? g.pick([0, -30, 0.5, 366, 1000]) : g.pick([30, 31, 28, 90, 365, g.int(1, 365)]);
    case "months":
      return g.chance(0.1) ? g.pick([0, -1, 0.5]) : g.int(1, 12);
    case "score":
      return g.chance(0.3) ? g.pick(["A", "B", "C", "D", "E", "b", " c "]) : Math.round(g.f() * 1000) / 10;
    case "id":
      return g.chance(0.3) ? g.int(1, 5) : g.pick(["C1", "C2", "C3", " C1 ", "C4", "客户甲"]);
    case "flag":
      return g.pick([true, false, 1, 0, "yes", "no", "是", "否", "", "disputed", "maybe"]);
    case "count":
      return g.int(0, 24);
  }
}

/** How much of a case is noise, and how blanks are spelled (desktop passes 0, the web null or ""). */
export interface CaseStyle {
  chaos: number;
  blank: number;
  blankValue: () => unknown;
  /** Rows at the end (and sometimes start) of every per-row range left empty, as in a whole-column selection. */
  emptyTail: number;
  emptyHead: number;
  horizontal: boolean;
}

function styleOf(g: Gen, n: number): CaseStyle {
  const chaos = g.pick([0, 0, 0.01, 0.05, 0.2, 0.6]);
  const desktop = g.chance(0.5);
  const emptyTail = n > 2 && g.chance(0.25) ? g.int(1, Math.max(1, Math.floor(n / 2))) : 0;
  const emptyHead = n > 3 && g.chance(0.08) ? 1 : 0;
  return {
    chaos,
    blank: g.pick([0, 0.02, 0.1]),
    blankValue: desktop ? () => 0 : () => g.pick([null, ""]),
    emptyTail,
    emptyHead,
    horizontal: g.chance(0.25),
  };
}

function cell(g: Gen, s: CaseStyle, kind: Kind): unknown {
  if (g.chance(s.chaos)) return chaosCell(g);
  if (g.chance(s.blank)) return s.blankValue();
  return domainCell(g, kind);
}

/** n values of a per-row argument, with the case's empty head and tail rows. */
function values(g: Gen, s: CaseStyle, kind: Kind, n: number): unknown[] {
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = i < s.emptyHead || i >= n - s.emptyTail ? s.blankValue() : cell(g, s, kind);
  return out;
}

const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** Lays out a per-row argument: the case's orientation mostly, else any shape Excel (or worse) may pass. */
function vectorArg(g: Gen, s: CaseStyle, kind: Kind, n: number, optional: boolean): unknown {
  const mode = g.weighted({
    full: 60,
    single: 12,
    scalar: 4,
    omit: optional ? 22 : 1.5,
    turned: 4,
    mismatch: 2,
    grid: 1.5,
    empty: 0.7,
    ragged: 0.7,
    flat: 0.7,
    weird: 0.4,
  });
  switch (mode) {
    case "full": {
      const v = values(g, s, kind, n);
      return s.horizontal ? [v] : col(v);
    }
    case "single":
      return [[cell(g, s, kind)]];
    case "scalar":
      return cell(g, s, kind);
    case "omit":
      return null;
    case "turned": {
      const v = values(g, s, kind, n);
      return s.horizontal ? col(v) : [v];
    }
    case "mismatch": {
      const v = values(g, s, kind, n > 1 && g.chance(0.5) ? n - 1 : n + g.int(1, 3));
      return s.horizontal ? [v] : col(v);
    }
    case "grid": {
      const w = g.int(2, 4);
      return Array.from({ length: Math.max(2, n) }, () => values(g, s, kind, w));
    }
    case "empty":
      return g.pick([[], [[]], [[], []]]);
    case "ragged": {
      const rows: unknown[] = col(values(g, s, kind, Math.max(2, n)));
      rows[g.int(1, rows.length - 1)] = g.pick([[], [1, 2], null, 7, "x"]);
      return rows;
    }
    case "flat":
      return values(g, s, kind, n);
    case "weird":
      return g.pick<unknown>([{}, Object.create(null), [[[1, 2]]], [[[[1]]]], "text as a range", new (CF().Error)("#N/A"), 42]);
  }
}

/** An option argument (method, output, convention): valid spellings mostly, blanks, then nonsense. */
function optionArg(g: Gen, valid: readonly string[]): unknown {
  const v = g.weighted({ valid: 70, blank: 12, bad: 10, range: 5, chaos: 3 });
  switch (v) {
    case "valid": {
      const c = g.pick(valid);
      return g.pick([c, c.toUpperCase(), ` ${c} `, c.length > 3 ? `${c.slice(0, 3)} ${c.slice(3)}` : c]);
    }
    case "blank":
      return g.pick([null, "", " ", "n/a"]);
    case "bad":
      return g.pick(["median", "weekly", "x", 3, true, "-0"]);
    case "range":
      return [[g.pick(valid)]];
    default:
      return chaosCell(g);
  }
}

function rowCount(g: Gen): number {
  switch (g.weighted({ one: 25, few: 45, some: 27.3, many: 2.5, large: 0.2 })) {
    case "one":
      return 1;
    case "few":
      return g.int(2, 6);
    case "some":
      return g.int(7, 30);
    case "many":
      return g.int(31, 200);
    default:
      return g.int(200, 2000);
  }
}

// ---------------------------------------------------------------------------
// The oracle: what a result must look like for given arguments (independent of the engine's code).

/** Blank as a cell reader sees it (cells.ts's markers). */
const BLANKS = new Set(["", "n/a", "na", "-", "--", "—", "–", "?", "unknown", "不详", "未知", "无数据", "#n/a"]);
function isBlankish(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "string" && BLANKS.has(x.trim().toLowerCase()));
}

/** An option as the formulas read it: the first cell, blank → default, else one of the choices (case, spaces, _ and - ignored); null = invalid. */
function option(arg: unknown, choices: readonly string[], def: string): string | null {
  let v = arg;
  if (Array.isArray(v)) v = Array.isArray(v[0]) ? v[0][0] : v[0];
  if (isBlankish(v)) return def;
  if (typeof v !== "string") return null;
  const want = v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  return choices.find((c) => c === want) ?? null;
}

type Dims = { rows: number; cols: number };
/** The dimensions of an argument as the formulas read it: null when omitted or empty; "bad" when malformed. */
function dims(arg: unknown): Dims | null | "bad" {
  if (arg === null || arg === undefined) return null;
  if (!Array.isArray(arg)) return { rows: 1, cols: 1 };
  if (arg.length === 0) return null;
  if (!Array.isArray(arg[0])) return "bad"; // a flat list: not a shape Excel passes
  const w = (arg[0] as unknown[]).length;
  for (const r of arg) if (!Array.isArray(r) || r.length !== w) return "bad";
  return w === 0 ? null : { rows: arg.length, cols: w };
}

interface Vec {
  len: number;
  horizontal: boolean;
}
function vec(arg: unknown): Vec | null | "bad" | "2d" {
  const d = dims(arg);
  if (d === null || d === "bad") return d;
  if (d.rows === 1) return { len: d.cols, horizontal: d.cols > 1 };
  if (d.cols === 1) return { len: d.rows, horizontal: false };
  return "2d";
}

/** Broadcast of per-row arguments: n and orientation, "error" when the call must be one error, "unknown" when malformed. */
function broadcast(args: unknown[]): { n: number; horizontal: boolean } | "error" | "unknown" {
  let n = 1;
  let horizontal: boolean | null = null;
  for (const a of args) {
    const v = vec(a);
    if (v === "bad") return "unknown";
    if (v === "2d") return "error";
    if (v === null || v.len === 1) continue;
    if (n === 1) n = v.len;
    else if (v.len !== n) return "error";
    if (horizontal === null) horizontal = v.horizontal;
  }
  return { n, horizontal: horizontal ?? false };
}

/** The expected result: exact dimensions, a whole-call error, or only the validity checks. */
type Expect =
  | { kind: "dims"; rows: number; cols: number }
  | { kind: "error" }
  | { kind: "any" }
  | { kind: "table"; header: readonly string[] | null; cols: number };

function perRow(args: unknown[], cols = 1): Expect {
  const b = broadcast(args);
  if (b === "unknown") return { kind: "any" };
  if (b === "error") return { kind: "error" };
  if (cols !== 1) return { kind: "dims", rows: b.n, cols };
  return b.horizontal ? { kind: "dims", rows: 1, cols: b.n } : { kind: "dims", rows: b.n, cols: 1 };
}

// ---------------------------------------------------------------------------
// The nine formulas: how to call them, how to generate their arguments, what their results must be.

type Cell = unknown;
type Result = Cell[][];

export interface FormulaSpec {
  name: string;
  call: (args: unknown[]) => unknown;
  gen: (g: Gen) => unknown[];
  expect: (args: unknown[]) => Expect;
  /** Range problems of one result cell (row r, column c), or null. */
  range: (args: unknown[], out: Result, r: number, c: number) => string | null;
  /** The same call with empty rows or months added at the ends of the selection (see `Padded`), or null when it does not apply. */
  pad?: (g: Gen, args: unknown[]) => Padded | null;
}

/**
 * Arguments with empty cells (0 as Excel desktop passes them, or null / "" as
 * the web does) added at the ends of every per-row range, as when a user
 * selects more rows or months than hold data. "rows": the result must be the
 * same with `head` and `tail` rows of "" around it; "same": the result must be
 * the same. Numbers must be identical; errors must keep their code (their
 * messages may number rows or months differently).
 */
export type Padded = { args: unknown[]; kind: "rows"; head: number; tail: number } | { args: unknown[]; kind: "same" };

const blankRows = (k: number, width: number, blank: unknown): unknown[][] => Array.from({ length: k }, () => new Array(width).fill(blank));

/**
 * Pads the per-row arguments `idx` (columns of one common length n > 1, or
 * single cells that repeat, or omitted) with empty rows; null when the
 * arguments are not such columns (rows, 2-D, malformed, different lengths),
 * or when none of the `data` arguments (those that make a row empty, e.g.
 * exposure and pd) is such a column: a single data cell repeats into every row,
 * so the added rows are not empty. `widths` allows a wider per-row range (e.g.
 * DSO's two receivables columns). `all`: every argument of `idx` must be a column.
 */
function padRows(
  g: Gen,
  args: unknown[],
  idx: readonly number[],
  opts: { data?: readonly number[]; all?: boolean; blanks?: readonly unknown[]; head?: boolean; widths?: Record<number, number> } = {},
): { args: unknown[]; head: number; tail: number } | null {
  let n = 0;
  for (const i of idx) {
    const d = dims(args[i]);
    if (d === "bad") return null;
    if (d === null || (d.rows === 1 && d.cols === 1 && (opts.widths?.[i] ?? 1) === 1)) continue;
    if (d.cols !== (opts.widths?.[i] ?? 1) || d.rows < 2 || (n && d.rows !== n)) return null;
    n = d.rows;
  }
  if (n < 2) return null;
  const isColumn = (i: number) => {
    const d = dims(args[i]);
    return d !== null && d !== "bad" && d.rows === n;
  };
  if (!(opts.data ?? idx).some(isColumn)) return null;
  if (opts.all && !idx.every((i) => args[i] === null || isColumn(i))) return null;
  const blank = g.pick(opts.blanks ?? [0, null, ""]);
  const head = opts.head !== false && g.chance(0.3) ? g.int(1, 2) : 0;
  const tail = g.int(1, 3);
  const out = args.slice();
  for (const i of idx) {
    const d = dims(args[i]);
    if (d && d !== "bad" && d.rows === n)
      out[i] = [...blankRows(head, d.cols, blank), ...(args[i] as unknown[][]), ...blankRows(tail, d.cols, blank)];
  }
  return { args: out, head, tail };
}

const rowsPad =
  (idx: readonly number[], opts?: Parameters<typeof padRows>[3]) =>
  (g: Gen, args: unknown[]): Padded | null => {
    const p = padRows(g, args, idx, opts);
    return p && { kind: "rows", ...p };
  };
const samePad =
  (idx: readonly number[]) =>
  (g: Gen, args: unknown[]): Padded | null => {
    const p = padRows(g, args, idx, { all: true });
    return p && { kind: "same", args: p.args };
  };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const A = (x: unknown): any => x;

const num = (x: unknown): x is number => typeof x === "number";
const within = (x: unknown, lo: number, hi: number, what: string): string | null =>
  num(x) && !(x >= lo && x <= hi) ? `${what} ${String(x)} outside ${lo}–${hi}` : null;
const nonNegative = (x: unknown, what: string): string | null => (num(x) && !(x >= 0) ? `negative ${what} ${String(x)}` : null);

const SCORE_OUTPUTS = ["score", "band", "pd", "reasons", "all"] as const;
const SCORE_COLUMNS: Record<string, string[]> = {
  score: ["score"],
  band: ["band"],
  pd: ["pd"],
  reasons: ["reasons"],
  all: ["score", "band", "pd", "coverage", "reasons"],
};
const FACTOR_LABELS = [
  "Debt ratio",
  "资产负债率",
  "current_ratio",
  "Quick ratio",
  "Interest coverage",
  "ROA",
  "Avg days late",
  "max_days_late",
  "pct_invoices_late",
  "overdue_share",
  "Years in business",
  "industry_risk",
  "country_risk",
  "litigation",
  "management_change",
  "negative_news",
  "total_assets",
  "total_liabilities",
  "equity",
  "sales",
  "net_income",
  "receivable_days",
  "sales_growth",
  "colour",
  "Customer",
  "customer_id",
  "",
  "备注",
];
const BANDS = ["A", "B", "C", "D", "E"];
const DSO_METHODS = ["standard", "countback", "average", "bestpossible", "add"];
const LIMIT_OUTPUTS = ["limit", "rule", "all"];
const DUNNING_OUTPUTS = ["name", "number"];
const CEI_CONVENTIONS = ["monthly", "period"];
const DSO_INVOICE_HEADERS = ["dso", "dso_countback", "dso_average", "best_possible_dso", "average_days_delinquent"];
const PAY_HEADER = ["customer_id", "avg_days_late", "max_days_late", "pct_invoices_late", "overdue_share", "days_late_trend"];

/** A ledger of n invoices as columns (or rows): ids, invoice, due and paid dates, amounts, open amounts. */
function ledgerArgs(
  g: Gen,
  s: CaseStyle,
  n: number,
): { ids: unknown; inv: unknown; due: unknown; paid: unknown; amt: unknown; open: unknown; asOf: unknown } {
  const rows = Array.from({ length: n }, (_, i) => {
    if (i < s.emptyHead || i >= n - s.emptyTail)
      return [s.blankValue(), s.blankValue(), s.blankValue(), s.blankValue(), s.blankValue(), s.blankValue()];
    const inv = BASE + g.int(0, 400);
    const due = inv + g.pick([0, 14, 30, 45, 60, 90]);
    const paid = g.chance(0.5) ? s.blankValue() : inv + g.int(0, 160);
    const amount = g.chance(0.07) ? -g.int(10, 2000) : g.int(1, 20_000);
    const open = g.chance(0.7) ? s.blankValue() : Math.round(amount * g.f());
    return [domainCell(g, "id"), inv, due, paid, amount, open].map((v) => (g.chance(s.chaos) ? chaosCell(g) : v));
  });
  const lay = (j: number): unknown => {
    if (g.chance(0.03)) return vectorArg(g, s, j === 0 ? "id" : j === 4 || j === 5 ? "amount" : "date", n, j === 5);
    const v = rows.map((r) => r[j]);
    return s.horizontal ? [v] : col(v);
  };
  const asOf = g.chance(0.9) ? [[g.chance(s.chaos) ? chaosCell(g) : BASE + g.int(200, 700)]] : vectorArg(g, s, "date", n, false);
  return { ids: lay(0), inv: lay(1), due: lay(2), paid: lay(3), amt: lay(4), open: g.chance(0.5) ? null : lay(5), asOf };
}

/** Monthly sales of one customer, oldest first, with empty months at the ends sometimes. */
function monthsOf(g: Gen, s: CaseStyle, m: number, lead: number, tail: number): unknown[] {
  return Array.from({ length: m }, (_, k) => (k < lead || k >= m - tail ? s.blankValue() : g.chance(0.05) ? 0 : cell(g, s, "amount")));
}

export const FORMULAS: FormulaSpec[] = [
  {
    name: "CREDITSCORE",
    call: ([v, l, o]) => F.creditScore(A(v), A(l), A(o)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      const w = g.int(1, 8);
      const header = Array.from({ length: w }, () => (g.chance(s.chaos) ? chaosCell(g) : g.pick(FACTOR_LABELS)));
      const rows = Array.from({ length: n }, (_, i) =>
        Array.from({ length: w }, () =>
          i >= n - s.emptyTail ? s.blankValue() : cell(g, s, g.pick<Kind>(["ratio", "ratio", "count", "amount", "share"])),
        ),
      );
      const output = optionArg(g, SCORE_OUTPUTS);
      const shape = g.weighted({ headerInValues: 65, separateLabels: 25, malformed: 5, scalar: 5 });
      if (shape === "headerInValues") return [[header, ...rows], null, output];
      if (shape === "separateLabels") return [rows, g.chance(0.9) ? [header] : [header, header], output];
      if (shape === "scalar") return [g.pick(FACTOR_LABELS), g.chance(0.5) ? null : [[g.pick(FACTOR_LABELS)]], output];
      return [vectorArg(g, s, "ratio", n, false), vectorArg(g, s, "ratio", w, true), output];
    },
    expect: ([v, l, o]) => {
      const out = option(o, SCORE_OUTPUTS, "score");
      const dv = dims(v);
      const dl = dims(l);
      if (dv === "bad" || dl === "bad") return { kind: "any" };
      if (out === null || dv === null) return { kind: "error" };
      if (l !== null && l !== undefined && (dl === null || dl.rows !== 1 || dl.cols !== dv.cols)) return { kind: "error" }; // given labels must be one row as wide as values
      return { kind: "dims", rows: dv.rows, cols: SCORE_COLUMNS[out].length };
    },
    range: ([, l, o], out, r, c) => {
      const x = out[r][c];
      if ((l === null || l === undefined) && r === 0) return typeof x === "string" ? null : `header cell ${String(x)} is not text`;
      const column = SCORE_COLUMNS[option(o, SCORE_OUTPUTS, "score") ?? "score"][c];
      if (x === "" || isCfError(x)) return null;
      if (column === "score") return num(x) ? within(x, 0, 100, "score") : `score ${String(x)} is not a number`;
      if (column === "pd") return num(x) ? within(x, 0, 1, "PD") : `PD ${String(x)} is not a number`;
      if (column === "coverage") return num(x) ? within(x, 0, 1, "coverage") : `coverage ${String(x)} is not a number`;
      if (column === "band") return BANDS.includes(x as string) ? null : `band ${String(x)} is not A–E`;
      return typeof x === "string" ? null : `reasons ${String(x)} is not text`;
    },
    // Empty rows below the table give empty results. Only blank cells here: a row of desktop
    // zeros is scored as zeros (CREDITSCORE cannot tell it from a customer with all-zero factors).
    pad: (g, [v, l, o]) => {
      const d = dims(v);
      if (d === null || d === "bad" || d.rows < 2) return null;
      const tail = g.int(1, 3);
      return { kind: "rows", head: 0, tail, args: [[...(v as unknown[][]), ...blankRows(tail, d.cols, g.pick([null, ""]))], l, o] };
    },
  },
  {
    name: "CREDITLIMIT",
    call: ([a, b, c, d, e, f, o]) => F.creditLimit(A(a), A(b), A(c), A(d), A(e), A(f), A(o)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      return [
        vectorArg(g, s, "score", n, false),
        vectorArg(g, s, "amount", n, false),
        vectorArg(g, s, "amount", n, false),
        vectorArg(g, s, "days", n, true),
        vectorArg(g, s, "amount", n, true),
        vectorArg(g, s, "count", n, true),
        optionArg(g, LIMIT_OUTPUTS),
      ];
    },
    expect: (args) => {
      const out = option(args[6], LIMIT_OUTPUTS, "limit");
      const e = perRow(args.slice(0, 6), out === "all" ? 3 : 1);
      return out === null && e.kind !== "any" ? { kind: "error" } : e;
    },
    range: (args, out, r, c) => {
      const x = out[r][c];
      const o = option(args[6], LIMIT_OUTPUTS, "limit");
      if (o === "rule" || (o === "all" && c === 2))
        return x === "" || isCfError(x) || typeof x === "string" ? null : `rule ${String(x)} is not text`;
      if (o === "all" && c === 1) return x === "" || isCfError(x) || BANDS.includes(x as string) ? null : `band ${String(x)} is not A–E`;
      return nonNegative(x, "limit");
    },
    pad: rowsPad([0, 1, 2, 3, 4, 5], { data: [0, 1, 2] }),
  },
  {
    name: "DSO",
    call: ([a, b, c, m]) => F.dso(A(a), A(b), A(c), A(m)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      const method = optionArg(g, DSO_METHODS);
      const m = option(method, DSO_METHODS, "standard");
      if (m === "countback") {
        const months = g.int(1, 14);
        const lead = g.chance(0.2) ? g.int(1, 2) : 0;
        const tail = g.chance(0.4) ? g.int(1, 4) : 0;
        const days = g.weighted({ none: 60, one: 20, list: 15, bad: 5 });
        const daysArg =
          days === "none"
            ? null
            : days === "one"
              ? [[domainCell(g, "days")]]
              : days === "list"
                ? col(Array.from({ length: months }, (_, k) => (k < lead || k >= months - tail ? s.blankValue() : domainCell(g, "days"))))
                : vectorArg(g, s, "days", months + 1, true);
        const layout = g.weighted({ one: 50, customersInRows: 30, customersInColumns: 15, odd: 5 });
        if (layout === "one") {
          const sales = monthsOf(g, s, months, lead, tail);
          return [g.chance(0.5) ? [[cell(g, s, "amount")]] : cell(g, s, "amount"), s.horizontal ? [sales] : col(sales), daysArg, method];
        }
        if (layout === "customersInRows") {
          const grid = Array.from({ length: n }, () => monthsOf(g, s, months, lead, tail));
          return [col(values(g, s, "amount", n)), g.chance(0.95) ? grid : grid.slice(1), daysArg, method];
        }
        if (layout === "customersInColumns") {
          const grid = Array.from({ length: months }, (_, k) =>
            Array.from({ length: n }, () => (k < lead || k >= months - tail ? s.blankValue() : cell(g, s, "amount"))),
          );
          return [[values(g, s, "amount", n)], grid, daysArg, method];
        }
        return [vectorArg(g, s, "amount", n, false), vectorArg(g, s, "amount", months, false), daysArg, method];
      }
      if (m === "average" || m === "bestpossible" || m === "add") {
        const w = g.chance(0.93) ? 2 : g.pick([1, 3]);
        const rec = Array.from({ length: n }, (_, i) =>
          (i >= n - s.emptyTail ? [s.blankValue(), s.blankValue()] : [cell(g, s, "amount"), cell(g, s, "amount")])
            .slice(0, w)
            .concat(w === 3 ? [cell(g, s, "amount")] : []),
        );
        return [
          g.chance(0.95) ? rec : vectorArg(g, s, "amount", n, false),
          vectorArg(g, s, "amount", n, false),
          vectorArg(g, s, "days", n, true),
          method,
        ];
      }
      return [vectorArg(g, s, "amount", n, false), vectorArg(g, s, "amount", n, false), vectorArg(g, s, "days", n, true), method];
    },
    expect: ([a, b, c, method]) => {
      const m = option(method, DSO_METHODS, "standard");
      if (m === null) return { kind: "error" };
      if (m === "standard") return perRow([a, b, c]);
      const da = dims(a);
      if (da === "bad" || dims(b) === "bad" || dims(c) === "bad") return { kind: "any" };
      if (da === null) return { kind: "error" };
      if (m === "countback") {
        if (da.rows === 1 && da.cols === 1) return { kind: "dims", rows: 1, cols: 1 };
        if (da.cols === 1) return { kind: "dims", rows: da.rows, cols: 1 };
        if (da.rows === 1) return { kind: "dims", rows: 1, cols: da.cols };
        return { kind: "error" };
      }
      if (da.cols !== 2) return { kind: "error" };
      const b2 = broadcast([col(new Array(da.rows).fill(0)), b, c]);
      if (b2 === "unknown") return { kind: "any" };
      if (b2 === "error") return { kind: "error" };
      return { kind: "dims", rows: b2.n, cols: 1 };
    },
    range: (_args, out, r, c) => nonNegative(out[r][c], "DSO"),
    pad: (g, args) => {
      const m = option(args[3], DSO_METHODS, "standard");
      if (m === "standard") return rowsPad([0, 1, 2], { data: [0, 1] })(g, args);
      if (m !== "countback") return rowsPad([0, 1, 2], { data: [0, 1], widths: { 0: 2 } })(g, args);
      return padMonths(g, args);
    },
  },
  {
    name: "DUNNINGSTAGE",
    call: ([a, b, c, d, l, o]) => F.dunningStage(A(a), A(b), A(c), A(d), A(l), A(o)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      let ladder: unknown = null;
      if (g.chance(0.4)) {
        const k = g.int(1, 6);
        const w = g.int(2, 4);
        let day = g.int(-10, 5);
        const rows: unknown[][] = [];
        if (g.chance(0.3)) rows.push(["Days", "Stage", "Min open", "Grace"].slice(0, w));
        for (let i = 0; i < k; i++) {
          day += g.int(g.chance(0.05) ? -3 : 1, 30);
          const row = [day, g.chance(0.05) ? "" : `Stage ${i + 1}`, g.int(0, 1000), g.int(0, 5)].slice(0, w);
          rows.push(row.map((v) => (g.chance(s.chaos) ? chaosCell(g) : v)));
        }
        if (g.chance(0.25)) for (let i = g.int(1, 3); i > 0; i--) rows.push(new Array(w).fill(0).map(() => s.blankValue()));
        if (g.chance(0.05)) rows.unshift(new Array(w).fill(0).map(() => s.blankValue()));
        ladder = g.chance(0.95) ? rows : vectorArg(g, s, "days", k, true);
      }
      return [
        vectorArg(g, s, "date", n, false),
        g.chance(0.7) ? [[cell(g, s, "date")]] : vectorArg(g, s, "date", n, false),
        vectorArg(g, s, "amount", n, true),
        vectorArg(g, s, "flag", n, true),
        ladder,
        optionArg(g, DUNNING_OUTPUTS),
      ];
    },
    expect: (args) => {
      const out = option(args[5], DUNNING_OUTPUTS, "name");
      const e = perRow(args.slice(0, 4));
      if (dims(args[4]) === "bad" && e.kind !== "any") return { kind: "any" };
      return out === null && e.kind !== "any" ? { kind: "error" } : e;
    },
    range: (args, out, r, c) => {
      const x = out[r][c];
      if (option(args[5], DUNNING_OUTPUTS, "name") === "number")
        return num(x) && !(Number.isInteger(x) && x >= -1) ? `stage number ${x} is not −1, 0 or a ladder stage` : null;
      return x === "" || isCfError(x) || typeof x === "string" ? null : `stage name ${String(x)} is not text`;
    },
    pad: rowsPad([0, 1, 2, 3], { data: [0] }),
  },
  {
    name: "CEI",
    call: ([a, b, c, d, m, v]) => F.cei(A(a), A(b), A(c), A(d), A(m), A(v)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      // Mostly consistent balances (end AR ≤ begin AR + one month's sales, current ≤ end) so that CEIs are computed.
      const months = g.chance(0.5) ? 1 : g.int(1, 12);
      const rows = Array.from({ length: n }, (_, i) => {
        if (i < s.emptyHead || i >= n - s.emptyTail) return [s.blankValue(), s.blankValue(), s.blankValue(), s.blankValue()];
        const begin = g.int(0, 100_000);
        const sales = g.int(0, 300_000);
        const end = g.chance(0.85) ? Math.round((begin + sales / months) * g.f()) : g.int(0, 500_000);
        const cur = g.chance(0.9) ? Math.round(end * g.f()) : g.int(0, 500_000);
        return [begin, sales, end, cur].map((v) => (g.chance(s.chaos) ? chaosCell(g) : g.chance(s.blank) ? s.blankValue() : v));
      });
      const lay = (j: number): unknown => {
        if (g.chance(0.05)) return vectorArg(g, s, "amount", n, false);
        const v = rows.map((r) => r[j]);
        return s.horizontal ? [v] : col(v);
      };
      return [
        lay(0),
        lay(1),
        lay(2),
        lay(3),
        g.chance(0.5) ? [[months]] : vectorArg(g, s, "months", n, true),
        optionArg(g, CEI_CONVENTIONS),
      ];
    },
    expect: (args) => {
      const conv = option(args[5], CEI_CONVENTIONS, "monthly");
      const e = perRow(args.slice(0, 5));
      return conv === null && e.kind !== "any" ? { kind: "error" } : e;
    },
    range: (_args, out, r, c) => within(out[r][c], 0, 100, "CEI"),
    pad: rowsPad([0, 1, 2, 3, 4], { data: [0, 1, 2, 3] }),
  },
  {
    name: "DSOINVOICES",
    call: ([a, b, c, d, e, m, p, o, i]) => F.dsoInvoices(A(a), A(b), A(c), A(d), A(e), A(m), A(p), A(o), A(i)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      const L = ledgerArgs(g, s, n);
      const period = g.weighted({ none: 60, good: 30, bad: 10 });
      return [
        L.inv,
        L.due,
        L.paid,
        L.amt,
        L.asOf,
        optionArg(g, DSO_METHODS),
        period === "none" ? null : period === "good" ? [[g.pick([30, 90, 365])]] : chaosCell(g),
        L.open,
        g.chance(0.5) ? null : L.ids,
      ];
    },
    expect: (args) => {
      const m = option(args[5], DSO_METHODS, "standard");
      if (args.some((a) => dims(a) === "bad")) return { kind: "any" };
      if (m === null) return { kind: "error" };
      if (args[8] === null || args[8] === undefined || dims(args[8]) === null) return { kind: "dims", rows: 1, cols: 1 }; // omitted: one DSO; given but empty: one error
      return { kind: "table", header: ["customer_id", DSO_INVOICE_HEADERS[DSO_METHODS.indexOf(m)]], cols: 2 };
    },
    range: (_args, out, r, c) => (c === 0 && out.length > 1 && out[0].length === 2 ? null : nonNegative(out[r][c], "DSO")),
    pad: samePad([0, 1, 2, 3, 7, 8]),
  },
  {
    name: "AGING",
    call: ([a, b, c, d]) => F.aging(A(a), A(b), A(c), A(d)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      let buckets: unknown = null;
      if (g.chance(0.35)) {
        const k = g.int(1, 6);
        let e = 0;
        const edges = Array.from({ length: k }, () => (e += g.int(g.chance(0.05) ? -10 : 1, 60)));
        const cells = [...edges, ...new Array(g.chance(0.3) ? g.int(1, 3) : 0).fill(0).map(() => s.blankValue())].map((v) =>
          g.chance(s.chaos) ? chaosCell(g) : v,
        );
        const shape = g.weighted({ column: 45, row: 35, block: 10, other: 10 });
        if (shape === "column") buckets = col(cells);
        else if (shape === "row") buckets = [cells];
        else if (shape === "block") buckets = [cells, cells.map(() => s.blankValue())];
        else buckets = vectorArg(g, s, "days", k, true);
      }
      const asOf = g.chance(0.8) ? [[cell(g, s, "date")]] : vectorArg(g, s, "date", n, false);
      return [vectorArg(g, s, "date", n, false), asOf, g.chance(0.5) ? null : vectorArg(g, s, "amount", n, true), buckets];
    },
    expect: ([d, a, amounts, b]) => {
      if (dims(b) === "bad") return { kind: "any" };
      if (amounts === null || amounts === undefined) return perRow([d, a]);
      if (dims(amounts) === null) return { kind: "error" }; // given but empty
      if ([d, a, amounts].some((x) => dims(x) === "bad")) return { kind: "any" };
      return { kind: "table", header: null, cols: 0 };
    },
    range: ([, , amounts], out, r, c) => {
      const x = out[r][c];
      if (amounts === null || amounts === undefined)
        return x === "" || isCfError(x) || typeof x === "string" ? null : `bucket label ${String(x)} is not text`;
      if (out.length !== 2) return `a bucket summary has ${out.length} rows, not 2 (labels, amounts)`;
      if (r === 0) return typeof x === "string" ? null : `bucket label ${String(x)} is not text`;
      const errorsColumn = ["Errors", "错误"].includes(out[0][out[0].length - 1] as string) && c === out[0].length - 1;
      if (errorsColumn) return isCfError(x) ? null : `the Errors column holds ${String(x)}, not an error`;
      return num(x) || (isCfError(x) && x.code === "#NUM!")
        ? null
        : `bucket total ${show(x)} is not a number (or #NUM! for an overflowing sum)`;
    },
    pad: (g, args) => (args[2] === null || args[2] === undefined ? rowsPad([0, 1], { data: [0] })(g, args) : samePad([0, 2])(g, args)),
  },
  {
    name: "PAYBEHAVIOR",
    call: ([a, b, c, d, e, f, o]) => F.payBehavior(A(a), A(b), A(c), A(d), A(e), A(f), A(o)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      const L = ledgerArgs(g, s, n);
      return [L.ids, L.inv, L.due, L.paid, L.amt, L.asOf, L.open];
    },
    expect: (args) => (args.some((a) => dims(a) === "bad") ? { kind: "any" } : { kind: "table", header: PAY_HEADER, cols: 6 }),
    range: (_args, out, r, c) => {
      if (r === 0 || c === 0) return null;
      const x = out[r][c];
      if (c === 1) return nonNegative(x, "avg_days_late");
      if (c === 2) return nonNegative(x, "max_days_late");
      if (c === 3) return within(x, 0, 1, "pct_invoices_late");
      if (c === 4) return within(x, 0, 1, "overdue_share");
      return null;
    },
    pad: samePad([0, 1, 2, 3, 4, 6]),
  },
  {
    name: "EXPECTEDLOSS",
    call: ([a, b, c, d, e]) => F.expectedLoss(A(a), A(b), A(c), A(d), A(e)),
    gen: (g) => {
      const n = rowCount(g);
      const s = styleOf(g, n);
      return [
        vectorArg(g, s, "amount", n, false),
        vectorArg(g, s, "share", n, false),
        vectorArg(g, s, "share", n, true),
        vectorArg(g, s, "share", n, true),
        vectorArg(g, s, "amount", n, true),
      ];
    },
    expect: (args) => perRow(args),
    range: (args, out, r, c) => {
      const x = out[r][c];
      const neg = nonNegative(x, "expected loss");
      if (neg || !num(x) || dims(args[0]) === "bad") return neg;
      const exposure = flat(args[0]);
      const e = exposure.length === 1 ? exposure[0] : exposure[out.length === 1 ? c : r];
      return num(e) && x > e * (1 + 1e-12) + 1e-300 ? `expected loss ${x} above the exposure ${e}` : null;
    },
    pad: rowsPad([0, 1, 2, 3, 4], { data: [0, 1] }),
  },
];

/**
 * Countback with empty months added at both ends of the month range (and of a
 * per-month days range): the same results. One AR with a column or row of
 * months, or customers in rows (n × m months) or in columns (m × n months).
 */
function padMonths(g: Gen, [ar, sales, days, method]: unknown[]): Padded | null {
  const da = dims(ar);
  const ds = dims(sales);
  const dd = dims(days);
  if (da === null || da === "bad" || ds === null || ds === "bad" || dd === "bad") return null;
  const blank = g.pick([0, null, ""]);
  const head = g.chance(0.5) ? g.int(1, 2) : 0;
  const tail = g.int(1, 3);
  const b = (k: number) => new Array(k).fill(blank);
  let monthsAcross: boolean; // months run along a row of the sales range (else down a column)
  if (da.rows === 1 && da.cols === 1) {
    if (ds.rows === 1) monthsAcross = true;
    else if (ds.cols === 1) monthsAcross = false;
    else return null;
  } else if (da.cols === 1 && ds.rows === da.rows) monthsAcross = true;
  else if (da.rows === 1 && ds.cols === da.cols) monthsAcross = false;
  else return null;
  const m = monthsAcross ? ds.cols : ds.rows;
  const grid = Array.isArray(sales) ? (sales as unknown[][]) : [[sales]];
  const padded = monthsAcross
    ? grid.map((r) => [...b(head), ...r, ...b(tail)])
    : [...blankRows(head, ds.cols, blank), ...grid, ...blankRows(tail, ds.cols, blank)];
  let daysOut = days;
  if (dd !== null && !(dd.rows === 1 && dd.cols === 1)) {
    const v = vec(days);
    if (v === null || v === "bad" || v === "2d" || v.len !== m) return null;
    const cells = flat(days);
    daysOut = v.horizontal
      ? [[...b(head), ...cells, ...b(tail)]]
      : [...blankRows(head, 1, blank), ...col(cells), ...blankRows(tail, 1, blank)];
  }
  return { kind: "same", args: [ar, padded, daysOut, method] };
}

const flatCache = new WeakMap<object, unknown[]>();
/** The cells of a row or column argument in order (computed once per argument). */
function flat(arg: unknown): unknown[] {
  if (!Array.isArray(arg)) return [arg];
  let f = flatCache.get(arg);
  if (!f) flatCache.set(arg, (f = (arg as unknown[]).flat()));
  return f;
}

// ---------------------------------------------------------------------------
// Checking one call.

const ALLOWED_ERRORS = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]);
const MAX_TEXT = 32_767;
const MAX_MESSAGE = 2_000;

/** Problems of one cell as an Excel value. */
function cellProblem(x: unknown): string | null {
  switch (typeof x) {
    case "number":
      if (!Number.isFinite(x)) return `${x} is no Excel number`;
      if (Object.is(x, -0)) return "−0 returned";
      return null;
    case "string":
      return x.length > MAX_TEXT ? `text of ${x.length} characters (Excel's limit is ${MAX_TEXT})` : null;
    case "boolean":
      return null;
  }
  if (!isCfError(x)) return `${x === undefined ? "undefined" : x === null ? "null" : typeof x} is no Excel value`;
  if (!ALLOWED_ERRORS.has(x.code)) return `error code ${String(x.code)} cannot be returned by a formula`;
  if (x.code === "#VALUE!" || x.code === "#N/A") {
    if (typeof x.message !== "string" || x.message.trim() === "") return `${x.code} without a message`;
    if (x.message.length > MAX_MESSAGE) return `${x.code} message of ${x.message.length} characters`;
    if (/internal error/i.test(x.message)) return `internal error: ${x.message}`;
  }
  return null;
}

/** Deep copy of arguments, keeping NaN, −0, error objects, prototype-less objects, functions and symbols. */
export function cloneArg(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(cloneArg);
  if (isCfError(x)) return new (CF().Error)(x.code, x.message);
  if (typeof x === "object" && x !== null) {
    const proto = Object.getPrototypeOf(x);
    const copy = Object.create(proto);
    for (const k of Object.keys(x)) copy[k] = cloneArg((x as Record<string, unknown>)[k]);
    return copy;
  }
  return x;
}

/** Equality that tells −0 from 0, NaN equals NaN, and compares errors by code and message. */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Same value, errors compared by code only. */
function sameValue(a: unknown, b: unknown): boolean {
  if (isCfError(a) && isCfError(b)) return a.code === b.code;
  return Object.is(a, b);
}

/** What is wrong with the padded call's result, or null. */
function paddedProblem(spec: FormulaSpec, out: Result, whole: boolean, padded: Padded): string | null {
  let got: unknown;
  try {
    got = spec.call(cloneArg(padded.args) as unknown[]);
  } catch (e) {
    return `raw throw with empty cells added at the ends: ${String(e)}`;
  }
  const g = got as Result;
  const fail = (why: string) => `with empty cells added at the ends of the ranges (${show(padded.args).slice(0, 300)}…): ${why}`;
  if (!Array.isArray(g) || !g.every(Array.isArray)) return fail("the result is not a matrix");
  if (whole || padded.kind === "same") {
    if (g.length !== out.length || g.some((r, i) => r.length !== out[i].length || r.some((x, j) => !sameValue(x, out[i][j]))))
      return fail(`got ${show(g).slice(0, 300)} instead of ${show(out).slice(0, 300)}`);
    return null;
  }
  const width = out[0].length;
  if (g.length !== padded.head + out.length + padded.tail)
    return fail(`${g.length} rows instead of ${padded.head} + ${out.length} + ${padded.tail}`);
  for (let r = 0; r < g.length; r++) {
    const inner = r >= padded.head && r < padded.head + out.length;
    for (let c = 0; c < width; c++) {
      const want = inner ? out[r - padded.head][c] : "";
      if (g[r].length !== width || !sameValue(g[r][c], want))
        return fail(`row ${r + 1} is ${show(g[r]).slice(0, 200)}, expected ${inner ? show(out[r - padded.head]).slice(0, 200) : "empty"}`);
    }
  }
  return null;
}

/** Every problem of calling `spec` with `args` (empty when the case passes); `padded` adds the empty-ends check. */
export function checkCase(spec: FormulaSpec, args: unknown[], padded: Padded | null = null): string[] {
  const before = cloneArg(args);
  let out: unknown;
  let again: unknown;
  try {
    out = spec.call(cloneArg(args) as unknown[]);
    again = spec.call(args);
  } catch (e) {
    return [`raw throw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
  }
  const problems: string[] = [];
  if (!same(args, before)) problems.push("the call changed its arguments");
  if (!same(out, again)) problems.push("nondeterministic: the same arguments gave a different result the second time");
  if (!Array.isArray(out) || out.length === 0 || !out.every((r) => Array.isArray(r) && r.length > 0))
    return [...problems, "the result is not a non-empty matrix"];
  const m = out as Result;
  const width = m[0].length;
  if (!m.every((r) => r.length === width)) return [...problems, "the result is not rectangular"];
  const whole = m.length === 1 && width === 1 && isCfError(m[0][0]);
  if (padded) {
    const p = paddedProblem(spec, m, whole, padded);
    if (p) problems.push(p);
  }
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < width; c++) {
      const p = cellProblem(m[r][c]) ?? (whole ? null : spec.range(args, m, r, c));
      if (p) {
        problems.push(`cell [${r}][${c}]: ${p}`);
        if (problems.length > 5) return problems;
      }
    }
  }
  const want = spec.expect(args);
  if (want.kind === "error" && !whole) problems.push(`expected one error for the whole call, got ${m.length} × ${width}`);
  if (want.kind === "dims" && !whole && (m.length !== want.rows || width !== want.cols))
    problems.push(`spill shape ${m.length} × ${width}, expected ${want.rows} × ${want.cols}`);
  if (want.kind === "table" && !whole) {
    if (want.cols && width !== want.cols) problems.push(`table of ${width} columns, expected ${want.cols}`);
    if (want.header && !same(m[0], want.header)) problems.push(`header ${JSON.stringify(m[0])}, expected ${JSON.stringify(want.header)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Running.

/** A readable, exact-enough rendering of arguments (long text shortened; the --case command replays them exactly). */
export function show(x: unknown): string {
  return JSON.stringify(x, (_k, v) => {
    if (typeof v === "number") return Number.isFinite(v) ? (Object.is(v, -0) ? "-0 (number)" : v) : `${v} (number)`;
    if (typeof v === "string" && v.length > 60) return `${v.slice(0, 40)}… (${v.length} characters)`;
    if (v === undefined) return "undefined";
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "symbol" || typeof v === "function") return `(${typeof v})`;
    if (isCfError(v)) return { error: v.code, message: v.message };
    if (typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === null) return "(object without prototype)";
    return v;
  });
}

/** At most 3,000 characters of shown arguments (the replay command prints them all). */
function clipShown(text: string): string {
  return text.length > 3000 ? `${text.slice(0, 3000)}… (${text.length} characters; --case prints them all)` : text;
}

export interface Failure {
  formula: string;
  seed: number;
  caseNo: number;
  lang: string;
  args: string;
  problems: string[];
}
export interface FormulaStats {
  formula: string;
  cases: number;
  failures: number;
  ms: number;
}
export interface FuzzOptions {
  seed: number;
  cases: number;
  formulas?: readonly string[];
  /** Run only this case number (replay). */
  only?: number;
  /** Stop collecting failures after this many per formula (default 5). */
  maxFailures?: number;
  onFormula?: (s: FormulaStats) => void;
}

/** The Office display language for a case: the formulas word texts in English or Chinese. */
function setLanguage(lang: string): void {
  G.Office = { context: { displayLanguage: lang } };
}

/** Runs the fuzz cases; returns per-formula statistics and the failures found. */
export function fuzz(opts: FuzzOptions): { stats: FormulaStats[]; failures: Failure[] } {
  const chosen = FORMULAS.filter((f) => !opts.formulas || opts.formulas.includes(f.name));
  const stats: FormulaStats[] = [];
  const failures: Failure[] = [];
  const hadOffice = "Office" in G;
  const office = G.Office;
  try {
    for (const spec of chosen) {
      const fi = FORMULAS.indexOf(spec);
      const t0 = process.hrtime.bigint();
      let failed = 0;
      let ran = 0;
      const from = opts.only ?? 0;
      const to = opts.only !== undefined ? opts.only + 1 : opts.cases;
      for (let i = from; i < to; i++) {
        const seed = caseSeed(opts.seed, fi, i);
        const g = new Gen(seed);
        const lang = g.chance(0.25) ? "zh-CN" : "en-US";
        setLanguage(lang);
        const args = spec.gen(g);
        const padded = spec.pad && g.chance(0.3) ? spec.pad(g, args) : null;
        const problems = checkCase(spec, args, padded);
        ran++;
        if (problems.length) {
          failed++;
          if (failed <= (opts.maxFailures ?? 5))
            failures.push({ formula: spec.name, seed: opts.seed, caseNo: i, lang, args: clipShown(show(args)), problems });
        }
      }
      const s = { formula: spec.name, cases: ran, failures: failed, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
      stats.push(s);
      opts.onFormula?.(s);
    }
  } finally {
    if (hadOffice) G.Office = office;
    else delete G.Office;
  }
  return { stats, failures };
}

const USAGE = `usage: npm run fuzz -- [--cases N] [--seed S] [--formula NAME] [--case K]

  --cases N       argument sets per formula (default 1,000,000)
  --seed S        seed of the run (default 20261130); the same seed gives the same cases
  --formula NAME  only this formula (repeatable): ${FORMULAS.map((f) => f.name).join(", ")}
  --case K        replay only case K (with the seed and formula of a reported failure)
  --help          this text

Exit code 0 when every case passes, 1 on any failure, 2 on bad options.`;

export const DEFAULT_SEED = 20261130;
export const DEFAULT_CASES = 1_000_000;

const fmt = (n: number) => n.toLocaleString("en-US");

export function main(argv: string[], log: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        cases: { type: "string" },
        seed: { type: "string" },
        formula: { type: "string", multiple: true },
        case: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    err(`fuzz: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    log(USAGE);
    return 0;
  }
  const cases = v.cases === undefined ? DEFAULT_CASES : Number(v.cases.replace(/[_,]/g, ""));
  const seed = v.seed === undefined ? DEFAULT_SEED : Number(v.seed);
  const only = v.case === undefined ? undefined : Number(v.case);
  if (!Number.isInteger(cases) || cases < 1) return bad(err, "--cases must be a whole number of 1 or more");
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return bad(err, "--seed must be a whole number from 0 to 4294967295");
  if (only !== undefined && (!Number.isInteger(only) || only < 0)) return bad(err, "--case must be a whole number of 0 or more");
  const names = v.formula?.map((f) =>
    f
      .trim()
      .toUpperCase()
      .replace(/^RISK\./, ""),
  );
  const unknown = names?.filter((n) => !FORMULAS.some((f) => f.name === n));
  if (unknown?.length) return bad(err, `unknown formula ${unknown.join(", ")}; one of ${FORMULAS.map((f) => f.name).join(", ")}`);
  if (only !== undefined && names?.length !== 1) return bad(err, "--case needs exactly one --formula");

  if (only !== undefined) return replay(names![0], seed, only, log);
  log(
    `fuzz: seed ${seed}, ${fmt(cases)} argument sets per formula, ${names ? names.join(", ") : `all ${FORMULAS.length} formulas`} (each called twice)`,
  );
  const { stats, failures } = fuzz({
    seed,
    cases,
    formulas: names,
    onFormula: (s) =>
      log(
        `  ${s.formula.padEnd(13)} ${fmt(s.cases).padStart(11)} cases  ${String(s.failures).padStart(6)} failures  ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${fmt(Math.round((s.cases / s.ms) * 1000)).padStart(8)} cases/s`,
      ),
  });
  const total = stats.reduce((a, s) => a + s.cases, 0);
  const failed = stats.reduce((a, s) => a + s.failures, 0);
  const ms = stats.reduce((a, s) => a + s.ms, 0);
  log(`total: ${fmt(total)} cases, ${fmt(failed)} failures, ${(ms / 1000).toFixed(1)} s, ${fmt(Math.round((total / ms) * 1000))} cases/s`);
  for (const f of failures) {
    err(`\nFAIL ${f.formula} case ${f.caseNo} (seed ${f.seed}, display language ${f.lang})`);
    for (const p of f.problems) err(`  - ${p}`);
    err(`  arguments: ${f.args}`);
    err(`  replay:    npm run fuzz -- --formula ${f.formula} --seed ${f.seed} --case ${f.caseNo}`);
  }
  return failed ? 1 : 0;
}

function bad(err: (s: string) => void, message: string): number {
  err(`fuzz: ${message}\n${USAGE}`);
  return 2;
}

/** Runs one case and prints its arguments, its result and its problems. */
function replay(name: string, seed: number, caseNo: number, log: (s: string) => void): number {
  const spec = FORMULAS.find((f) => f.name === name)!;
  const g = new Gen(caseSeed(seed, FORMULAS.indexOf(spec), caseNo));
  const lang = g.chance(0.25) ? "zh-CN" : "en-US";
  setLanguage(lang);
  const args = spec.gen(g);
  const padded = spec.pad && g.chance(0.3) ? spec.pad(g, args) : null;
  let result: unknown;
  try {
    result = spec.call(cloneArg(args) as unknown[]);
  } catch (e) {
    result = `raw throw: ${String(e)}`;
  }
  const problems = checkCase(spec, args, padded);
  log(`${name} case ${caseNo} (seed ${seed}, display language ${lang})`);
  log(`arguments: ${show(args)}`);
  log(`result:    ${show(result)}`);
  log(problems.length ? `problems:\n${problems.map((p) => `  - ${p}`).join("\n")}` : "no problems");
  return problems.length ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

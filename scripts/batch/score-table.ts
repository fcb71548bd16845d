/**
 * Batch scoring of a customer table (the engine behind `npm run score`):
 * takes the table as a grid whose first row is the header and returns the
 * risk columns to append, row for row. All rules come from the engine: the
 * header matcher, the CREDITSCORE core, the customer assessment (limits), the policy.
 */
import { OUTPUT_LABELS, creditScoreCore, factorColumns, readFactorRow } from "../../src/engine/scoring/creditscore";
import { matchHeader } from "../../src/engine/scoring/headers";
import { creditLimitCore, LimitArgs, readLimitInput } from "../../src/engine/limit/creditlimit";
import { FACTOR_COUNT, isFactorKey } from "../../src/engine/scoring/factors";
import { hasNetWorthColumns } from "../../src/engine/scoring/derive";
import { compileModel } from "../../src/engine/scoring/model";
import { LIMIT_RULE_TEXT } from "../../src/engine/limit/limit";
import { assessVector } from "../../src/engine/customer/assess";
import { isEngineError, EngineError } from "../../src/engine/errors";
import { Lang } from "../../src/engine/lang";
import { LABELS } from "../../src/engine/labels";
import { Spill, SpillCell } from "../../src/engine/spill";
import { DEFAULT_POLICY, CreditPolicy } from "../../src/engine/policy";

export interface ScoredTable {
  /** Header of the appended columns. */
  header: string[];
  /** One row of appended values per data row (errors as "#VALUE! message" text). */
  rows: (string | number)[][];
  /** Rows whose score or limit is an error. */
  errorRows: number;
  /** Whether a limit could be computed (net worth or sales columns present). */
  withLimit: boolean;
  /** Data rows (0-based, in `rows`) whose score or limit is an error, with the first error's message. */
  errors: { index: number; message: string }[];
}

/**
 * The score block's headers are CREDITSCORE's own output labels ("all"), so the CLI and the formula name them
 * alike; the limit, rule and date headers come from the same label set (`src/engine/labels.ts`).
 */
const SCORE_COLUMNS = ["score", "band", "pd", "coverage", "reasons"] as const;
function headerOf(lang: Lang): { score: string[]; limit: string[]; asOf: string } {
  const l = LABELS[lang].columns;
  return { score: SCORE_COLUMNS.map((k) => OUTPUT_LABELS[k][lang]), limit: [l.limit, l.rule], asOf: l.asOf };
}
const HEADER: Record<Lang, { score: string[]; limit: string[]; asOf: string }> = { en: headerOf("en"), zh: headerOf("zh") };

const EXCEL_ERROR_TEXT: Record<EngineError["code"], string> = { VALUE: "#VALUE!", NA: "#N/A", DIV0: "#DIV/0!", NUM: "#NUM!" };

/** An engine cell as text/number for a file: errors become "#VALUE! message". */
export function fileCell(cell: SpillCell): string | number {
  if (cell === null || cell === undefined) return "";
  if (isEngineError(cell)) return `${EXCEL_ERROR_TEXT[cell.code]} ${cell.message}`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  // Probabilities and shares keep 6 decimals in files (enough for basis points).
  if (typeof cell === "number" && Math.abs(cell) < 1 && cell !== 0) return Number(cell.toFixed(6));
  return cell;
}

/**
 * Scores every data row of `grid` (row 0 = header). Throws only for a
 * whole-table problem (no recognised factor column), with the engine's message.
 * The score columns are CREDITSCORE's "all" output; the limit of each row is
 * the engine's assessment of the customer (`assessVector`: net worth = equity,
 * else total assets − total liabilities, as in the pane), with terms and
 * requested amount read as RISK.CREDITLIMIT reads them.
 */
export function scoreTable(grid: unknown[][], opts: { lang: Lang; asOf: string; policy?: CreditPolicy }): ScoredTable {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const scored = creditScoreCore(grid, null, "all", opts.lang, policy.model);
  if (isEngineError(scored)) throw new Error(scored.message);
  const body: Spill = scored.slice(1);

  const header = grid[0] ?? [];
  const keys = header.map((label) => matchHeader(label));
  const find = (key: string) => keys.indexOf(key as never);
  const withLimit = hasNetWorthColumns(keys.map((k) => k ?? "")) || find("sales") >= 0;
  const limitCells = withLimit ? limitColumns(grid, body, find("terms_days"), find("requested_limit"), opts.lang, policy) : null;

  let errorRows = 0;
  const errors: { index: number; message: string }[] = [];
  const rows = body.map((scoreRow, i) => {
    const blank = scoreRow.every((c) => c === "");
    const limitRow = limitCells ? (blank ? ["", ""] : limitCells[i]) : [];
    const cells = [...scoreRow, ...limitRow];
    const firstError = cells.findIndex(isEngineError);
    if (firstError >= 0) {
      errorRows++;
      errors.push({ index: i, message: (cells[firstError] as EngineError).message });
    }
    // The message once, in the first failing cell; the other failing cells show just the code.
    const out = cells.map((c, k) => (isEngineError(c) && k > firstError ? EXCEL_ERROR_TEXT[c.code] : fileCell(c)));
    return [...out, blank ? "" : opts.asOf];
  });
  const h = HEADER[opts.lang];
  return { header: [...h.score, ...(withLimit ? h.limit : []), h.asOf], rows, errorRows, withLimit, errors };
}

/**
 * [limit, rule] of each data row from the engine's customer assessment. A
 * row whose score is an error carries that error; a bad terms or requested
 * cell gives its error; no net worth and no sales gives the engine's error.
 */
function limitColumns(
  grid: unknown[][],
  body: Spill,
  termsCol: number,
  requestedCol: number,
  lang: Lang,
  policy: CreditPolicy,
): SpillCell[][] {
  const plan = factorColumns(grid[0] ?? [], true);
  if (isEngineError(plan)) throw new Error(plan.message);
  const compiled = compileModel(policy.model);
  const v = new Float64Array(FACTOR_COUNT);
  return body.map((scoreRow, i): SpillCell[] => {
    const failed = scoreRow.find(isEngineError);
    if (failed) return [failed, failed];
    const row = grid[i + 1];
    const read = readFactorRow(plan, row, v);
    if (read !== true) return read === false ? ["", ""] : [read, read];
    const cell = (j: number) => (j >= 0 && Array.isArray(row) ? row[j] : null);
    const termsDays = readLimitInput(cell(termsCol), "termsDays");
    if (isEngineError(termsDays)) return [termsDays, termsDays];
    const requested = readLimitInput(cell(requestedCol), "requested");
    if (isEngineError(requested)) return [requested, requested];
    const a = assessVector(compiled, v, plan.given, { termsDays, requested }, policy, plan.derive);
    if (!a.limit) return [a.limitError as EngineError, a.limitError as EngineError];
    return [a.limit.limit, LIMIT_RULE_TEXT[a.limit.rule][lang]];
  });
}

/** Every header block `scoreTable` can produce (en and zh, with and without the limit columns). */
export function ownHeaderSets(): string[][] {
  return (Object.keys(HEADER) as Lang[]).flatMap((lang) => {
    const h = HEADER[lang];
    return [
      [...h.score, h.asOf],
      [...h.score, ...h.limit, h.asOf],
    ];
  });
}

const LIMIT_INPUTS = ["equity", "sales", "terms_days", "requested_limit", "relationship_months"] as const;

/**
 * The columns of `header` that scoring reads: recognised factors and the
 * limit inputs. Other columns (names, ids, notes) need not be read at all.
 */
export function columnsRead(header: readonly unknown[]): boolean[] {
  return header.map((label) => {
    const key = matchHeader(label);
    return key !== null && (isFactorKey(key) || (LIMIT_INPUTS as readonly string[]).includes(key));
  });
}

/**
 * The column (index into `header`) whose cell makes this row fail, found by
 * asking the same engine cores about each read cell alone; null when no
 * single cell explains it. For messages that point at a cell.
 */
export function errorColumn(
  header: readonly unknown[],
  row: readonly unknown[],
  opts: { lang: Lang; policy?: CreditPolicy },
): number | null {
  const policy = opts.policy ?? DEFAULT_POLICY;
  for (let j = 0; j < header.length; j++) {
    const key = matchHeader(header[j]);
    if (key === null || !isFactorKey(key)) continue;
    const alone = creditScoreCore([[header[j]], [row[j] ?? null]], null, "score", opts.lang, policy.model);
    if (!isEngineError(alone) && isEngineError(alone[1]?.[0])) return j;
  }
  const args: Record<(typeof LIMIT_INPUTS)[number], keyof LimitArgs> = {
    equity: "netWorth",
    sales: "annualSales",
    terms_days: "termsDays",
    requested_limit: "requested",
    relationship_months: "relationshipMonths",
  };
  for (let j = 0; j < header.length; j++) {
    const key = matchHeader(header[j]);
    if (key === null || !(key in args)) continue;
    const input: LimitArgs = { score: [["A"]], netWorth: [[null]], annualSales: [[null]], output: "limit" };
    input[args[key as keyof typeof args]] = [[row[j] ?? null]];
    const r = creditLimitCore(input, opts.lang, policy);
    if (isEngineError(r) || isEngineError(r[0]?.[0])) return j;
  }
  return null;
}

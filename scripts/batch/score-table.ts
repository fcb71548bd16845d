/**
 * Batch scoring of a customer table (the engine behind `npm run score`):
 * takes the table as a grid whose first row is the header and returns the
 * risk columns to append, row for row. All rules come from the engine: the
 * header matcher, CREDITSCORE and CREDITLIMIT cores, the policy.
 */
import { creditScoreCore } from "../../src/engine/scoring/creditscore";
import { matchHeader } from "../../src/engine/scoring/headers";
import { creditLimitCore, LimitArgs } from "../../src/engine/limit/creditlimit";
import { isFactorKey } from "../../src/engine/scoring/factors";
import { isEngineError, EngineError } from "../../src/engine/errors";
import { Lang } from "../../src/engine/lang";
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

const HEADER: Record<Lang, { score: string[]; limit: string[]; asOf: string }> = {
  en: { score: ["Score", "Band", "PD (12m)", "Coverage", "Reasons"], limit: ["Recommended limit", "Limit rule"], asOf: "As of" },
  zh: { score: ["信用评分", "等级", "违约概率(12个月)", "数据覆盖率", "主要扣分原因"], limit: ["建议信用额度", "额度规则"], asOf: "评估日期" },
};

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

function column(grid: unknown[][], j: number): unknown[][] {
  return grid.slice(1).map((r) => [r[j] ?? null]);
}

/**
 * Scores every data row of `grid` (row 0 = header). Throws only for a
 * whole-table problem (no recognised factor column), with the engine's message.
 */
export function scoreTable(grid: unknown[][], opts: { lang: Lang; asOf: string; policy?: CreditPolicy }): ScoredTable {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const scored = creditScoreCore(grid, null, "all", opts.lang, policy.model);
  if (isEngineError(scored)) throw new Error(scored.message);
  const body: Spill = scored.slice(1);

  const keys = (grid[0] ?? []).map((label) => matchHeader(label));
  const find = (key: string) => keys.indexOf(key as never);
  const netWorth = find("equity");
  const sales = find("sales");
  const withLimit = netWorth >= 0 || sales >= 0;
  let limits: Spill | null = null;
  if (withLimit) {
    const opt = (j: number) => (j >= 0 ? column(grid, j) : null);
    const result = creditLimitCore(
      {
        score: body.map((r) => [r[0]]),
        netWorth: opt(netWorth) ?? body.map(() => [null]),
        annualSales: opt(sales) ?? body.map(() => [null]),
        termsDays: opt(find("terms_days")),
        requested: opt(find("requested_limit")),
        relationshipMonths: opt(find("relationship_months")),
        output: "all",
      },
      opts.lang,
      policy,
    );
    if (isEngineError(result)) throw new Error(result.message);
    limits = result;
  }

  let errorRows = 0;
  const errors: { index: number; message: string }[] = [];
  const rows = body.map((scoreRow, i) => {
    const blank = scoreRow.every((c) => c === "");
    const limitRow = limits && !blank ? [limits[i][0], limits[i][2]] : limits ? ["", ""] : [];
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

/** Every header block `scoreTable` can produce (en and zh, with and without the limit columns). */
export function ownHeaderSets(): string[][] {
  return (Object.keys(HEADER) as Lang[]).flatMap((lang) => {
    const h = HEADER[lang];
    return [[...h.score, h.asOf], [...h.score, ...h.limit, h.asOf]];
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
export function errorColumn(header: readonly unknown[], row: readonly unknown[], opts: { lang: Lang; policy?: CreditPolicy }): number | null {
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

/**
 * The four doors to a customer's numbers give one answer. For random customer tables (factor and statement
 * columns present or absent, blank cells, statement items with and without equity, with and without an
 * invoice ledger), compare per row:
 *   - the pane's review (prepareReview / reviewChunk) and Explain (explainRow);
 *   - the values the pane writes back, and the live formulas it writes, evaluated through the custom-function
 *     implementations of src/functions/functions.ts (RISK.CREDITSCORE, RISK.CREDITLIMIT), plus
 *     RISK.EXPECTEDLOSS on the written PD (no ledger: the pane writes values only with a ledger);
 *   - `npm run score`'s scoreTable (no ledger: the CLI reads one table);
 *   - the engine's assessCustomer on the row's inputs (with the ledger's payment behaviour).
 * Scores, bands, PDs, limits, binding rules and expected losses must be identical.
 */
import fc from "fast-check";
import { scoreTable } from "../../../scripts/batch/score-table";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { LIMIT_RULE_TEXT } from "../../../src/engine/limit/limit";
import { displayScore } from "../../../src/engine/scoring/score";
import { assessCustomer } from "../../../src/engine/customer/assess";
import {
  CustomerResult,
  ReviewState,
  autoMapColumns,
  explainRow,
  prepareReview,
  reviewChunk,
  rowInputs,
} from "../../../src/engine/portfolio";
import { expectedLoss as expectedLossFormula } from "../../../src/functions/functions";
import { buildWriteRequest } from "../../../src/taskpane/services/write-back";
import type { ReviewOutcome } from "../../../src/taskpane/services/review-runner";
import type { DataArea } from "../../../src/excel/port";
import type { WriteColumnId } from "../../../src/taskpane/i18n";
import { evaluate } from "./formula-eval";

const AS_OF = serialFromYmd(2026, 6, 30);
const AS_OF_ISO = "2026-06-30";
const WRITTEN: WriteColumnId[] = ["score", "band", "pd", "limit", "headroom"];

/** What one door says about one customer row; null fields = no figure. */
interface Figures {
  score: number | null;
  band: string | null;
  pd: number | null;
  limit: number | null;
  rule: string | null;
  expectedLoss?: number | null;
}

interface Table {
  headers: string[];
  rows: unknown[][];
  ledger: { headers: string[]; rows: unknown[][] } | null;
}

function runReview(t: Table): ReviewState {
  const state = prepareReview({
    headers: t.headers,
    rows: t.rows,
    mapping: autoMapColumns(t.headers),
    ledger: t.ledger ? { headers: t.ledger.headers, rows: t.ledger.rows, mapping: autoMapColumns(t.ledger.headers, "ledger") } : null,
    asOf: AS_OF,
    policy: DEFAULT_POLICY,
    lang: "en",
  });
  if (isEngineError(state)) throw new Error(state.message);
  reviewChunk(state, 0, state.total);
  return state;
}

const ruleText = (c: CustomerResult) => c.limitRuleText;

function reviewFigures(c: CustomerResult): Figures {
  return {
    score: c.score === null ? null : displayScore(c.score),
    band: c.band,
    pd: c.pd,
    limit: c.limit,
    rule: ruleText(c),
    expectedLoss: c.expectedLoss,
  };
}

function explainFigures(state: ReviewState, r: number): Figures | null {
  const e = explainRow(state, r);
  if (isEngineError(e)) return null;
  return {
    score: displayScore(e.score),
    band: e.band,
    pd: e.pd,
    limit: e.limit?.limit ?? null,
    rule: e.limit?.ruleText ?? null,
    expectedLoss: e.expectedLoss,
  };
}

function assessFigures(state: ReviewState, r: number): Figures | null {
  const inp = rowInputs(state, r);
  if (isEngineError(inp)) return null;
  const a = assessCustomer(
    { factors: inp.values, termsDays: inp.extras.termsDays, requested: inp.extras.requested, exposure: inp.extras.exposure },
    state.policy,
    "en",
  );
  if (isEngineError(a)) throw new Error(a.message);
  return {
    score: a.shown,
    band: a.band,
    pd: a.pd,
    limit: a.limit?.limit ?? null,
    rule: a.limit ? LIMIT_RULE_TEXT[a.limit.rule].en : null,
    expectedLoss: a.expectedLoss,
  };
}

function outcome(state: ReviewState, t: Table, area: DataArea): ReviewOutcome {
  return {
    state,
    area,
    request: { customers: { mapping: autoMapColumns(t.headers) }, ledger: t.ledger ? {} : null },
  } as unknown as ReviewOutcome;
}

const num = (x: unknown): number | null => (typeof x === "number" ? x : null);
const text = (x: unknown): string | null => (typeof x === "string" && x !== "" ? x : null);

/** Values written back, per row: [score, band, pd, limit, headroom]. */
async function writtenValues(state: ReviewState, t: Table, area: DataArea): Promise<unknown[][]> {
  const req = await buildWriteRequest(outcome(state, t, area), WRITTEN, "values");
  if (!req) throw new Error("write request cancelled");
  return t.rows.map((_, r) => req.columns.map((c) => c.values[r]));
}

/** The live formulas written back, evaluated row by row on the sheet (table at A1, written columns right of it). */
async function writtenFormulas(
  state: ReviewState,
  t: Table,
  area: DataArea,
): Promise<{ values: unknown[][]; text: string[]; sheet: unknown[][] }> {
  const req = await buildWriteRequest(outcome(state, t, area), WRITTEN, "formulas");
  if (!req) throw new Error("write request cancelled");
  expect(req.columns.every((c) => c.mode === "formulas" || c.values.every((v) => v === ""))).toBe(true);
  const sheet: unknown[][] = [[...t.headers], ...t.rows.map((row) => [...row])];
  const w = t.headers.length;
  req.columns.forEach((col, j) => {
    t.rows.forEach((_, r) => {
      const f = col.values[r];
      sheet[r + 1][w + j] = typeof f === "string" && f.startsWith("=") ? evaluate(f, sheet) : f;
    });
  });
  const limitCol = req.columns[WRITTEN.indexOf("limit")];
  return { values: t.rows.map((_, r) => sheet[r + 1].slice(w)), text: t.rows.map((_, r) => String(limitCol.values[r])), sheet };
}

function compare(door: string, r: number, got: Figures, want: Figures): void {
  const where = `${door}, row ${r + 1}`;
  expect({ where, ...got }).toEqual({ where, ...want });
}

async function checkTable(t: Table): Promise<void> {
  const state = runReview(t);
  const area: DataArea = {
    sheetName: "Sheet1",
    firstDataRow: 1,
    rowCount: t.rows.length,
    firstColumn: 0,
    columnCount: t.headers.length,
    address: "Sheet1!A1",
  };
  const values = await writtenValues(state, t, area);
  const formulas = t.ledger ? null : await writtenFormulas(state, t, area);
  const cli = t.ledger ? null : scoreTable([t.headers, ...t.rows], { lang: "en", asOf: AS_OF_ISO });
  const exposureCol = t.headers.indexOf("Exposure");

  state.results.forEach((c, r) => {
    if (!c || c.blank) return;
    if (c.error) {
      // Not scored in the pane: no door scores it either.
      expect({ r, score: num(values[r][0]) }).toEqual({ r, score: null });
      if (cli) expect({ r, score: num(cli.rows[r][0]) }).toEqual({ r, score: null });
      if (formulas) expect({ r, score: num(formulas.values[r][0]) }).toEqual({ r, score: null });
      return;
    }
    const want = reviewFigures(c);
    const { expectedLoss: el, ...withoutEl } = want;
    compare("Explain", r, explainFigures(state, r) as Figures, want);
    compare("assessCustomer", r, assessFigures(state, r) as Figures, want);
    const v = values[r];
    compare("written values", r, { score: num(v[0]), band: text(v[1]), pd: num(v[2]), limit: num(v[3]), rule: withoutEl.rule }, withoutEl);
    expect({ r, headroom: num(v[4]) }).toEqual({ r, headroom: c.headroom });
    if (formulas) {
      const f = formulas.values[r];
      const limit = num(f[3]);
      compare("live formulas", r, { score: num(f[0]), band: text(f[1]), pd: num(f[2]), limit, rule: withoutEl.rule }, withoutEl);
      expect({ r, headroom: num(f[4]) }).toEqual({ r, headroom: exposureCol >= 0 ? c.headroom : num(f[4]) });
      // The rule: RISK.CREDITLIMIT's "rule" output for the same arguments as the written limit formula.
      const rule = limit === null ? null : text(evaluate(ruleFormula(formulas.text[r]), formulas.sheet));
      expect({ r, rule }).toEqual({ r, rule: withoutEl.rule });
      if (c.exposure !== null && c.pd !== null) {
        // =RISK.EXPECTEDLOSS(MAX(0, exposure), pd): a credit balance counts as no exposure, as in the headroom formula.
        const x = expectedLossFormula([[Math.max(0, t.rows[r][exposureCol] as number)]], [[f[2]]]);
        expect({ r, expectedLoss: x[0][0] }).toEqual({ r, expectedLoss: el });
      }
    }
    if (cli) {
      const row = cli.rows[r];
      const limit = cli.withLimit ? num(row[5]) : c.limit;
      const rule = cli.withLimit ? text(row[6]) : c.limitRuleText;
      compare(
        "npm run score",
        r,
        { score: num(row[0]), band: text(row[1]), pd: num(row[2]), limit, rule: limit === null ? null : rule },
        { ...withoutEl, pd: c.pd === null ? null : Number(c.pd.toFixed(6)) },
      );
    }
  });
}

/** The written limit formula asking for its "rule" output instead (arguments padded to the output position). */
function ruleFormula(limitFormula: string): string {
  const head = "=RISK.CREDITLIMIT(";
  expect(limitFormula.startsWith(head) && limitFormula.endsWith(")")).toBe(true);
  const inner = limitFormula.slice(head.length, -1);
  const args: string[] = [];
  let depth = 0,
    start = 0,
    quoted = false;
  for (let k = 0; k < inner.length; k++) {
    const ch = inner[k];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      args.push(inner.slice(start, k));
      start = k + 1;
    }
  }
  args.push(inner.slice(start));
  while (args.length < 6) args.push("");
  return `${head}${args.join(",")},"rule")`;
}

// ------------------------------------------------------------------ random tables

/** Optional columns: header (as users write them) and a generator of valid cell values. */
const COLUMNS: [string, fc.Arbitrary<number>][] = [
  ["Debt ratio", fc.double({ min: 0, max: 1.5, noNaN: true })],
  ["Current ratio", fc.double({ min: 0, max: 5, noNaN: true })],
  ["Interest coverage", fc.double({ min: -5, max: 25, noNaN: true })],
  ["Average days late", fc.integer({ min: 0, max: 120 })],
  ["Years in business", fc.integer({ min: 0, max: 60 })],
  ["Relationship months", fc.integer({ min: 0, max: 48 })],
  ["Total assets", fc.integer({ min: 1, max: 20_000_000 })],
  ["Total liabilities", fc.integer({ min: 0, max: 20_000_000 })],
  ["Equity", fc.integer({ min: -2_000_000, max: 10_000_000 })],
  ["Sales", fc.integer({ min: 0, max: 40_000_000 })],
  ["EBIT", fc.integer({ min: -1_000_000, max: 5_000_000 })],
  ["Interest expense", fc.integer({ min: 0, max: 1_000_000 })],
  ["Payment terms", fc.integer({ min: 1, max: 120 })],
  ["Requested limit", fc.integer({ min: 0, max: 2_000_000 })],
  ["Exposure", fc.integer({ min: -50_000, max: 2_000_000 })],
];

/** COLUMNS[0 .. FACTOR_COLUMNS − 1] are factors or statement items; the rest are limit and exposure inputs. */
const FACTOR_COLUMNS = 12;

const LEDGER_HEADERS = ["Customer ID", "Invoice date", "Due date", "Paid date", "Amount"];

const tableArb: fc.Arbitrary<Table> = fc
  .record({
    // At least one factor column (a table without one is refused by every door alike).
    columns: fc
      .subarray(
        COLUMNS.map((_, k) => k),
        { minLength: 1 },
      )
      .filter((cols) => cols.some((k) => k < FACTOR_COLUMNS)),
    n: fc.integer({ min: 1, max: 8 }),
    ledger: fc.boolean(),
  })
  .chain(({ columns, n, ledger }) =>
    fc.record({
      cells: fc.array(fc.tuple(...columns.map((k) => fc.option(COLUMNS[k][1], { nil: null, freq: 4 }))), { minLength: n, maxLength: n }),
      invoices: ledger
        ? fc.array(
            fc.record({
              customer: fc.integer({ min: 0, max: n - 1 }),
              issued: fc.integer({ min: -200, max: -1 }),
              terms: fc.integer({ min: 0, max: 90 }),
              paidAfter: fc.option(fc.integer({ min: -10, max: 150 }), { nil: null }),
              amount: fc.integer({ min: 100, max: 100_000 }),
            }),
            { minLength: 1, maxLength: 20 },
          )
        : fc.constant(null),
      columns: fc.constant(columns),
    }),
  )
  .map(({ cells, invoices, columns }) => {
    const headers = ["Customer ID", ...columns.map((k) => COLUMNS[k][0])];
    const rows = cells.map((line, i) => [`C${i + 1}`, ...line.map((x) => (x === null ? "" : x))]);
    const ledgerRows = invoices?.map((inv) => {
      const issued = AS_OF + inv.issued;
      const due = issued + inv.terms;
      const paid = inv.paidAfter === null || due + inv.paidAfter > AS_OF ? "" : due + inv.paidAfter;
      return [`C${inv.customer + 1}`, issued, due, paid, inv.amount];
    });
    return { headers, rows, ledger: ledgerRows ? { headers: LEDGER_HEADERS, rows: ledgerRows } : null };
  });

describe("every door gives one answer per customer", () => {
  test("the headers of the random tables are the columns they name", () => {
    const m = autoMapColumns(["Customer ID", ...COLUMNS.map((c) => c[0])]);
    expect(m.columns.map((c) => c.key)).toEqual([
      "customer_id",
      "debt_ratio",
      "current_ratio",
      "interest_coverage",
      "avg_days_late",
      "years_in_business",
      "relationship_months",
      "total_assets",
      "total_liabilities",
      "equity",
      "sales",
      "ebit",
      "interest_expense",
      "terms_days",
      "requested_limit",
      "exposure",
    ]);
    expect(autoMapColumns(LEDGER_HEADERS, "ledger").columns.map((c) => c.key)).toEqual([
      "customer_id",
      "invoice_date",
      "due_date",
      "paid_date",
      "amount",
    ]);
  });

  test("total assets and liabilities without equity: the CLI, the pane and the formulas all size the net-worth cap (80,000, not 180,000)", async () => {
    const t: Table = {
      headers: [
        "Customer ID",
        "Total assets",
        "Total liabilities",
        "Sales",
        "Payment terms",
        "Debt ratio",
        "Average days late",
        "Exposure",
      ],
      rows: [["C1", 1_000_000, 600_000, 3_000_000, 60, 0.6, 5, 50_000]],
      ledger: null,
    };
    const cli = scoreTable([t.headers, ...t.rows], { lang: "en", asOf: AS_OF_ISO });
    expect(cli.withLimit).toBe(true);
    // Band C: net-worth cap 0.2 × 400,000 = 80,000 < turnover cap 0.3 × 3,000,000 × 60 ÷ 30 = 1,800,000… rounded.
    expect(cli.rows[0].slice(1, 2)).toEqual(["C"]);
    expect(cli.rows[0].slice(5, 7)).toEqual([80_000, "Net-worth cap"]);
    const state = runReview(t);
    expect(state.results[0]).toMatchObject({ band: "C", limit: 80_000, limitRule: "net_worth_cap" });
    await checkTable(t);
  });

  test("random tables (fast-check): review, Explain, write-back values and formulas, the CLI and assessCustomer agree", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, (t) => checkTable(t)),
      { numRuns: 120, seed: 20261130 },
    );
  });
});

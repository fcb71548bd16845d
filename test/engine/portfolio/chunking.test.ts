import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ReviewInput, ReviewState, autoMapColumns, prepareReview, reviewChunk, summarise } from "../../../src/engine/portfolio";
import { AS_OF, D, HEADERS, LEDGER_HEADERS, LEDGER_ROWS, ROWS, TEST_POLICY } from "./fixtures";

const ids = fc.constantFrom("C1", "C2", "C3", "C4", "C5", 1001, "", "n/a");
const ratio = fc.oneof(fc.double({ min: 0, max: 1.5, noNaN: true }), fc.constantFrom("", "n/a", "12%", -1, null));
const amount = fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.constantFrom("", null, "1,000"));
const row = fc.tuple(
  ids,
  fc.constantFrom("Name", ""),
  ratio,
  ratio,
  fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant("")),
  amount,
  amount,
  amount,
  amount,
  fc.constant(""),
);
const invoice = fc
  .tuple(
    fc.constantFrom("C1", "C2", "C3", "ZZ", 1001),
    fc.integer({ min: 0, max: 90 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    fc.integer({ min: -500, max: 5_000 }),
    fc.boolean(),
  )
  .map(([c, i, t, p, a, disp]) => [c, D + i, D + i + t, p === null ? "" : D + i + p, a, disp ? "yes" : ""]);

function inputOf(rows: unknown[][], ledgerRows: unknown[][] | null, policy = DEFAULT_POLICY): ReviewInput {
  return {
    headers: HEADERS,
    rows,
    mapping: autoMapColumns(HEADERS),
    ledger: ledgerRows ? { headers: LEDGER_HEADERS, rows: ledgerRows, mapping: autoMapColumns(LEDGER_HEADERS, "ledger") } : null,
    asOf: AS_OF,
    policy,
    lang: "en",
  };
}

function prepared(inp: ReviewInput): ReviewState {
  const st = prepareReview(inp);
  if (isEngineError(st)) throw new Error(st.message);
  return st;
}

/** Reviews in the chunks given by sorted cut points, optionally last chunk first. */
function chunked(inp: ReviewInput, cuts: number[], reverse: boolean): ReviewState {
  const st = prepared(inp);
  const bounds = [0, ...cuts.map((c) => Math.min(c, st.total)).sort((a, b) => a - b), st.total];
  const chunks: [number, number][] = [];
  for (let k = 0; k + 1 < bounds.length; k++) chunks.push([bounds[k], bounds[k + 1]]);
  if (reverse) chunks.reverse();
  for (const [a, b] of chunks) reviewChunk(st, a, b);
  return st;
}

describe("chunking invariance", () => {
  test("hand-built table: every chunk size gives the same results and summary", () => {
    const inp = inputOf(ROWS, LEDGER_ROWS, TEST_POLICY);
    const whole = chunked(inp, [], false);
    for (let size = 1; size <= ROWS.length; size++) {
      const cuts: number[] = [];
      for (let c = size; c < ROWS.length; c += size) cuts.push(c);
      const st = chunked(inp, cuts, size % 2 === 0);
      expect(st.results).toEqual(whole.results);
      expect(summarise(st)).toEqual(summarise(whole));
    }
  });

  test("random tables and ledgers: any chunks, in any order, give the same summary (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 0, maxLength: 40 }),
        fc.option(fc.array(invoice, { maxLength: 30 }), { nil: null }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
        fc.boolean(),
        (rows, ledger, cuts, reverse) => {
          const inp = inputOf(rows, ledger);
          const whole = chunked(inp, [], false);
          const st = chunked(inp, cuts, reverse);
          expect(st.done).toBe(rows.length);
          expect(st.results).toEqual(whole.results);
          expect(summarise(st)).toEqual(summarise(whole));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("a partial review summarises what was reviewed and says it is incomplete", () => {
    const st = prepared(inputOf(ROWS, LEDGER_ROWS, TEST_POLICY));
    reviewChunk(st, 0, 2);
    reviewChunk(st, 1, 3); // overlap: row 1 is reviewed again, counted once
    reviewChunk(st, -5, 0); // empty
    reviewChunk(st, 7, 99); // beyond the table
    const s = summarise(st);
    expect(s).toMatchObject({ rows: 7, reviewed: 3, complete: false, customers: 3, scored: 2, errors: 1 });
    expect(s.bands.map((b) => b.count)).toEqual([1, 0, 0, 1, 0, 1]);
  });
});

import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { dsoFromInvoicesCore } from "../../../src/engine/receivables/dso-invoices";

const D = serialFromYmd(2026, 1, 1);
const col = (xs: unknown[]) => xs.map((x) => [x]);
// asOf = D+90, 90-day window (D, D+90]
const inv = col([D, D + 30, D + 60, D + 80, D + 100]);
const due = col([D + 30, D + 60, D + 90, D + 110, D + 130]);
const paid = col([D + 50, null, D + 95, null, null]);
const amt = col([1000, 2000, 3000, 4000, 9999]);
const open = col([null, null, null, 1500, null]);
const run = (method: string | null, customers: unknown = null, period: unknown = null) => dsoFromInvoicesCore(inv, due, paid, amt, D + 90, method, period, open, customers);

describe("DSO from invoices (worked ledger)", () => {
  // sales in window 2,000 + 3,000 + 4,000 = 9,000; AR at as-of 2,000 + 3,000 (paid later) + 1,500 = 6,500; current 4,500
  test.each([
    ["standard", 65],
    [null, 65],
    ["bestpossible", 45],
    ["add", 20],
    ["average", 37.5], // opening AR at D = 1,000 → (1,000 + 6,500) / 2 / 9,000 × 90
    ["countback", 55], // 30-day slices newest first 4,000 | 3,000 → 30 + 2,500/3,000 × 30
  ])("%s → %d", (m, expected) => {
    expect(run(m)).toEqual([[expect.closeTo(expected, 9)]]);
  });
  test("period_days changes the sales window", () => {
    // 365 days: sales 10,000 → 6,500 / 10,000 × 365
    expect(run("standard", null, 365)).toEqual([[expect.closeTo(237.25, 9)]]);
  });
  test("per customer: header and first-appearance order; a bad row errors its customer only", () => {
    const out = dsoFromInvoicesCore(
      col([D + 30, D + 60, D + 60, D + 60]),
      col([D + 60, D + 90, D + 50, D + 90]),
      col([null, null, null, null]),
      col([2000, 3000, 100, 900]),
      [[D + 90]],
      "standard",
      null,
      null,
      col(["Z", "Y", "X", "Z"]),
    ) as unknown[][];
    expect(out[0]).toEqual(["customer_id", "dso"]);
    expect(out[1]).toEqual(["Z", 90]);
    expect(out[2]).toEqual(["Y", 90]);
    expect(out[3][0]).toBe("X");
    expect(isEngineError(out[3][1]) && out[3][1].message).toMatch(/row 3: due_dates/);
  });
  test("without customers a bad row errors the result; argument errors", () => {
    const out = dsoFromInvoicesCore(col([D, "x"]), col([D, D]), null, col([1, 1]), D, null, null, null, null) as unknown[][];
    expect(isEngineError(out[0][0]) && out[0][0].message).toMatch(/row 2: invoice_dates/);
    expect(isEngineError(dsoFromInvoicesCore(inv, due, paid, amt, [[D], [D]], null, null, null, null))).toBe(true);
    expect(isEngineError(dsoFromInvoicesCore(inv, due, paid, amt, D, "fancy", null, null, null))).toBe(true);
    expect(isEngineError(dsoFromInvoicesCore(inv, due, paid, amt, D, null, 0, null, null))).toBe(true);
    expect(isEngineError(dsoFromInvoicesCore(inv, col([D]).concat(col([D])), paid, amt, D, null, null, null, null))).toBe(true);
  });
  test("no sales in the window → #DIV/0!", () => {
    const out = dsoFromInvoicesCore(col([D]), col([D + 30]), null, col([100]), D + 200, null, null, null, null) as unknown[][];
    expect(isEngineError(out[0][0]) && out[0][0].code).toBe("DIV0");
  });
});

import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { dsoFromInvoices, dsoFromInvoicesCore } from "../../../src/engine/receivables/dso-invoices";

const D = serialFromYmd(2026, 1, 1);
const col = (xs: unknown[]) => xs.map((x) => [x]);
// asOf = D+90, 90-day window (D, D+90]
const inv = col([D, D + 30, D + 60, D + 80, D + 100]);
const due = col([D + 30, D + 60, D + 90, D + 110, D + 130]);
const paid = col([D + 50, null, D + 95, null, null]);
const amt = col([1000, 2000, 3000, 4000, 9999]);
const open = col([null, null, null, 1500, null]);
const run = (method: string | null, customers: unknown = null, period: unknown = null) =>
  dsoFromInvoicesCore(inv, due, paid, amt, D + 90, method, period, open, customers);

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

/** An engine error with this code and message (exact text, or a pattern for cell-reader wording). */
const err = (c: string, message: string | RegExp) =>
  expect.objectContaining({
    kind: "EngineError",
    code: c,
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });

describe("DSO from invoices: edges (what an analyst may type)", () => {
  // invoice_dates, due_dates, paid_dates, amounts, as_of, method, period_days → whole result
  test.each<[string, unknown[], unknown]>([
    [
      "as_of as text",
      [col([D]), col([D + 30]), null, col([100]), "2026-04-01", null, null],
      err("VALUE", 'as_of: text "2026-04-01" is not a date. Enter a real Excel date (e.g. with DATE() or DATEVALUE()).'),
    ],
    [
      "as_of blank",
      [col([D]), col([D + 30]), null, col([100]), null, null, null],
      err("VALUE", "as_of is required but the cell is empty."),
    ],
    [
      "period_days a range",
      [col([D]), col([D + 30]), null, col([100]), D + 10, null, [[30, 60]]],
      err("VALUE", "period_days: expected a single cell but got a range of 1 rows × 2 columns."),
    ],
    [
      "period_days not whole",
      [col([D]), col([D + 30]), null, col([100]), D + 10, null, 30.5],
      err("VALUE", "period_days: 30.5 must be a whole number."),
    ],
    [
      "period_days as text",
      [col([D]), col([D + 30]), null, col([100]), D + 10, null, "90 days"],
      err("VALUE", /^period_days: expected a number but got text "90 days"/),
    ],
    [
      "unknown method",
      [col([D]), col([D + 30]), null, col([100]), D + 10, "median", null],
      err("VALUE", /^method: "median" is not one of "standard", "countback"/),
    ],
    [
      "an empty selection",
      [col(["", null]), col([null, ""]), null, col([null, 0]), D + 10, null, null],
      err("VALUE", "the ledger holds no invoices."),
    ],
    // as of a date before every invoice: no sales, no AR
    [
      "as_of before the invoice date (standard) → #DIV/0!",
      [col([D]), col([D + 30]), null, col([100]), D - 10, null, null],
      [[err("DIV0", "credit_sales is 0: DSO is not defined without credit sales.")]],
    ],
    [
      "as_of before the invoice date (countback) → 0, nothing outstanding",
      [col([D]), col([D + 30]), null, col([100]), D - 10, "countback", null],
      [[0]],
    ],
    // credit note larger than the open invoices: net credit balance
    [
      "net credit balance",
      [col([D, D + 10]), col([D + 30, D + 40]), null, col([100, -300]), D + 20, null, null],
      [[err("VALUE", "the ledger's open amount at as_of is -200: credit notes exceed the open invoices, so DSO is not defined.")]],
    ],
    // newest 30-day slice holds only a credit note (−2,000): it counts as a slice without sales.
    // AR 2,000 → 30 (empty slice) + 30 (1,000) + 1,000/3,000 × 30 = 70
    [
      "countback with a credit-note-only slice",
      [col([D, D + 40, D + 70]), col([D + 30, D + 70, D + 100]), null, col([3000, 1000, -2000]), D + 80, "COUNTBACK", null],
      [[expect.closeTo(70, 9)]],
    ],
    // ranges may mix rows and columns; sales in (D, D+90] = 2,000, AR 3,000 → 135
    [
      "a 1×N row of invoice dates with N×1 columns",
      [[[D, D + 30]], col([D + 30, D + 60]), null, [[1000, 2000]], D + 90, null, null],
      [[135]],
    ],
    [
      "as_of as a 1×1 range, period_days as a 1×1 range",
      [col([D + 30]), col([D + 60]), null, col([1000]), [[D + 90]], "standard", [[90]]],
      [[90]],
    ],
  ])("%s", (_what, [invD, dueD, paidD, amts, asOf, method, period], expected) => {
    expect(dsoFromInvoicesCore(invD, dueD, paidD, amts, asOf, method, period, null, null)).toEqual(expected);
  });

  test("customer ids with only blank rows → just the header", () => {
    expect(dsoFromInvoicesCore(col([null]), col([null]), null, col([null]), D + 10, null, null, null, col([null]))).toEqual([
      ["customer_id", "dso"],
    ]);
  });

  test("pure dsoFromInvoices: period defaults to 90 days", () => {
    const invoice = {
      row: 0,
      customer: "",
      customerCell: "",
      invoiceDate: D + 30,
      dueDate: D + 60,
      paidDate: null,
      amount: 1000,
      open: 500,
      disputed: false,
    };
    // sales 1,000 in (D, D+90], AR 500 → 45
    expect(dsoFromInvoices([invoice], D + 90, "standard")).toBe(45);
  });
});

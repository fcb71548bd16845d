import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { PAY_BEHAVIOR_KEYS, payBehaviorCore } from "../../../src/engine/receivables/pay-behavior";

const D = serialFromYmd(2026, 1, 1);
const AS_OF = D + 150; // trend split: due after D+60 = last 90 days
const col = (xs: unknown[]) => xs.map((x) => [x]);

// customer, invoice date, due date, paid date, amount
const ledger: Array<[unknown, unknown, unknown, unknown, unknown]> = [
  ["ACME", D, D + 30, D + 40, 1000], // paid 10 days late, older
  ["ACME", D + 10, D + 40, D + 35, 3000], // paid early → 0, older
  [1002, D + 100, D + 130, D + 125, 500], // on time, recent
  ["ACME", D + 60, D + 90, null, 2000], // open, 60 days overdue at as-of, recent
  ["ACME", D + 130, D + 160, null, 4000], // open, not due: no experience yet
  ["ACME", D + 100, D + 100, null, -500], // credit note: ignored
  ["BAD", D + 10, D + 40, null, 100],
  ["BAD", D + 20, D + 10, null, 100], // due before invoice date
  ["BAD", "2026-02-01", D + 40, null, 100], // text date
  [null, null, null, null, null], // blank row
  ["NEW", D + 140, D + 170, null, 700], // nothing late, nothing overdue
];
const cols = (k: number) => col(ledger.map((r) => r[k]));

describe("PAYBEHAVIOR", () => {
  const out = payBehaviorCore(cols(0), cols(1), cols(2), cols(3), cols(4), AS_OF) as unknown[][];
  test("header row uses canonical keys", () => {
    expect(out[0]).toEqual(["customer_id", "avg_days_late", "max_days_late", "pct_invoices_late", "overdue_share", "days_late_trend"]);
    expect(out[0]).toEqual([...PAY_BEHAVIOR_KEYS]);
  });
  test("worked example: one row per customer, first-appearance order", () => {
    expect(out.map((r) => r[0])).toEqual(["customer_id", "ACME", 1002, "BAD", "NEW"]);
    // ACME: (1000×10 + 3000×0 + 2000×60) / 6000; max 60; 2 of 3 late; overdue 2000 of 6000 open; trend 60 − 2.5
    expect(out[1]).toEqual(["ACME", expect.closeTo(130000 / 6000, 12), 60, expect.closeTo(2 / 3, 12), expect.closeTo(1 / 3, 12), 57.5]);
    // 1002: paid on time, nothing open, no older invoices
    expect(out[2]).toEqual([1002, 0, 0, 0, "", ""]);
    // NEW: nothing experienced yet; all open is current
    expect(out[4]).toEqual(["NEW", "", "", "", 0, ""]);
  });
  test("a customer with bad invoices gets the error in its measures; others compute", () => {
    const bad = out[3];
    expect(bad[0]).toBe("BAD");
    for (const c of bad.slice(1)) expect(isEngineError(c)).toBe(true);
    expect(isEngineError(bad[1]) && bad[1].message).toMatch(/^row 8: due_dates: the due date is before the invoice date.*2 invalid rows/);
  });
  test("open amounts (partial payments) feed overdue_share", () => {
    const r = payBehaviorCore(
      col(["A", "A"]),
      col([D, D]),
      col([D + 10, D + 100]),
      null,
      col([1000, 1000]),
      D + 50,
      col([250, 1000]),
    ) as unknown[][];
    // overdue open 250, total open 1250; days late: first invoice open overdue 40 days (weight 1000), second not due
    expect(r[1]).toEqual(["A", 40, 40, 1, 0.2, ""]);
  });
  test("argument errors", () => {
    expect(isEngineError(payBehaviorCore(col(["A", "B"]), col([D]), col([D, D, D]), null, col([1, 1]), D))).toBe(true);
    expect(isEngineError(payBehaviorCore(col(["A"]), col([D]), col([D]), null, col([1]), col([D, D])))).toBe(true);
    expect(isEngineError(payBehaviorCore(null, col([D]), col([D]), null, col([1]), D))).toBe(true);
  });
  test("100,000 invoices in one call (its speed is measured by npm run bench, not here)", () => {
    const n = 100_000;
    const ids: unknown[][] = [];
    const inv: unknown[][] = [];
    const due: unknown[][] = [];
    const paid: unknown[][] = [];
    const amt: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const d = D + (i % 300);
      ids.push([`C${i % 2000}`]);
      inv.push([d]);
      due.push([d + 30]);
      paid.push([i % 3 === 0 ? null : d + 20 + (i % 40)]);
      amt.push([100 + (i % 97)]);
    }
    const r = payBehaviorCore(ids, inv, due, paid, amt, D + 400) as unknown[][];
    expect(r.length).toBe(2001);
  });
});

import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { daysLateAt, groupByCustomer, openAt, readLedger, Invoice } from "../../../src/engine/receivables/ledger";

const D = serialFromYmd(2026, 1, 1);
const col = (xs: unknown[]) => xs.map((x) => [x]);
const msg = (x: unknown) => (isEngineError(x) ? x.message : "");

describe("readLedger", () => {
  test("parses valid rows, per-row errors, blank rows", () => {
    const l = readLedger({
      customerIds: col(["A", 1002, "B", "B", "B", "B", "", "C", "C", null]),
      invoiceDates: col([D, D, D + 10, "2026-01-05", D, D, D, D, D, null]),
      dueDates: col([D + 30, D + 30, D, D + 30, D + 30, D + 30, D + 30, D + 30, D + 30, null]),
      paidDates: col([D + 40, null, null, null, D - 1, null, null, D + 5, null, null]),
      amounts: col([1000, -200, 10, 10, 10, "1,000", 10, 100, 100, null]),
      openAmounts: col([null, null, null, null, null, null, null, 50, 150, null]),
    });
    if (isEngineError(l)) throw new Error(l.message);
    const r = l.rows;
    expect(r[0]).toMatchObject({ customer: "A", invoiceDate: D, dueDate: D + 30, paidDate: D + 40, amount: 1000, open: 0 });
    expect(r[1]).toMatchObject({ customer: "1002", customerCell: 1002, amount: -200, open: -200, paidDate: null });
    expect(msg(r[2])).toMatch(/^row 3: due_dates: the due date is before the invoice date/);
    expect(msg(r[3])).toMatch(/^row 4: invoice_dates: text "2026-01-05" is not a date/);
    expect(msg(r[4])).toMatch(/^row 5: paid_dates: the paid date is before the invoice date/);
    expect(msg(r[5])).toMatch(/^row 6: amounts: text "1,000" is text, not a number/);
    expect(msg(r[6])).toMatch(/^row 7: customer_ids: the customer id is empty/);
    expect(msg(r[7])).toMatch(/^row 8: open_amounts: 50 is still open but the invoice has a paid date/);
    expect(msg(r[8])).toMatch(/^row 9: open_amounts: 150 must lie between 0 and the invoice amount 100/);
    expect(r[9]).toBeNull();
    expect(l.keys).toEqual(["A", "1002", "B", "B", "B", "B", "", "C", "C", ""]);
    expect(groupByCustomer(l).map((g) => [g.key, g.cell, g.rows])).toEqual([
      ["A", "A", [0]],
      ["1002", 1002, [1]],
      ["B", "B", [2, 3, 4, 5]],
      ["", "", [6]],
      ["C", "C", [7, 8]],
    ]);
  });
  test("mismatched lengths and 2-D ranges are one argument error", () => {
    const bad = readLedger({ invoiceDates: col([D, D]), dueDates: col([D, D, D]), amounts: col([1, 1]) });
    expect(isEngineError(bad) && bad.message).toMatch(/due_dates has 3 values but invoice_dates has 2/);
    expect(
      isEngineError(
        readLedger({
          invoiceDates: [
            [D, D],
            [D, D],
          ],
          dueDates: D,
          amounts: 1,
        }),
      ),
    ).toBe(true);
    expect(isEngineError(readLedger({ invoiceDates: null, dueDates: D, amounts: 1 }))).toBe(true);
  });
  test("partial payments: open amount between 0 and amount; credit notes keep their sign", () => {
    const l = readLedger({
      invoiceDates: col([D, D, D]),
      dueDates: col([D, D, D]),
      amounts: col([100, -50, -50]),
      openAmounts: col([40, -20, 20]),
    });
    if (isEngineError(l)) throw new Error(l.message);
    expect((l.rows[0] as Invoice).open).toBe(40);
    expect((l.rows[1] as Invoice).open).toBe(-20);
    expect(isEngineError(l.rows[2])).toBe(true);
  });
});

describe("openAt / daysLateAt", () => {
  const inv = (o: Partial<Invoice>): Invoice => ({
    row: 0,
    customer: "",
    customerCell: "",
    invoiceDate: D,
    dueDate: D + 30,
    paidDate: null,
    amount: 100,
    open: 100,
    disputed: false,
    ...o,
  });
  test("open amount at a date", () => {
    expect(openAt(inv({}), D - 1)).toBe(0); // not issued yet
    expect(openAt(inv({ open: 60 }), D + 10)).toBe(60);
    expect(openAt(inv({ paidDate: D + 40, open: 0 }), D + 39)).toBe(100);
    expect(openAt(inv({ paidDate: D + 40, open: 0 }), D + 40)).toBe(0);
  });
  test("days late", () => {
    expect(daysLateAt(inv({ paidDate: D + 40, open: 0 }), D + 100)).toBe(10);
    expect(daysLateAt(inv({ paidDate: D + 20, open: 0 }), D + 100)).toBe(0);
    expect(daysLateAt(inv({ paidDate: D + 40, open: 0 }), D + 35)).toBe(5); // seen at D+35 it was open and 5 days overdue
    expect(daysLateAt(inv({}), D + 30)).toBeNull(); // due today, not late yet
    expect(daysLateAt(inv({}), D + 31)).toBe(1);
    expect(daysLateAt(inv({ amount: -5, open: -5 }), D + 100)).toBeNull(); // credit note
    expect(daysLateAt(inv({ open: 0 }), D + 100)).toBeNull(); // settled, no date
  });
});

describe("empty cells passed as 0 (Excel desktop)", () => {
  test("a row of zeros is blank; a 0 paid date means open", () => {
    const l = readLedger(
      { customerIds: col(["A", 0]), invoiceDates: col([D, 0]), dueDates: col([D + 30, 0]), paidDates: col([0, 0]), amounts: col([100, 0]) },
      { requireCustomer: true },
    );
    if (isEngineError(l)) throw new Error(l.message);
    expect(l.rows[0]).toMatchObject({ paidDate: null, open: 100 });
    expect(l.rows[1]).toBeNull();
  });
  test("a 0 invoice date in a real row is still an error", () => {
    const l = readLedger({ invoiceDates: col([0]), dueDates: col([D]), amounts: col([100]) });
    if (isEngineError(l)) throw new Error(l.message);
    expect(msg(l.rows[0])).toMatch(/^row 1: invoice_dates: 0 is not a valid Excel date serial/);
  });
});

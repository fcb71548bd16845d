import fc from "fast-check";
import {
  isoFromSerial,
  readOptionalSerial,
  readSerial,
  serialFromIso,
  serialFromYmd,
  ymdFromSerial,
  MAX_SERIAL,
} from "../../src/engine/dates";
import { isEngineError } from "../../src/engine/errors";

describe("Excel 1900 serials", () => {
  // Reference values as Excel shows them (=DATE(y,m,d) formatted as General).
  const table: Array<[string, number]> = [
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["1970-01-01", 25569],
    ["2000-01-01", 36526],
    ["2024-02-29", 45351],
    ["2026-11-22", 46348],
    ["9999-12-31", 2958465],
  ];
  it.each(table)("%s ↔ %d", (iso, serial) => {
    expect(serialFromIso(iso)).toBe(serial);
    expect(isoFromSerial(serial)).toBe(iso);
  });
  it("serial 60 is Excel's fictitious 1900-02-29", () => expect(ymdFromSerial(60)).toEqual({ year: 1900, month: 2, day: 29 }));
  it("round-trips every serial from 61 on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL }), (s) => {
        const { year, month, day } = ymdFromSerial(s);
        return serialFromYmd(year, month, day) === s;
      }),
    );
  });
  it("rejects malformed or impossible ISO dates", () => {
    expect(isEngineError(serialFromIso("2026-02-30"))).toBe(true);
    expect(isEngineError(serialFromIso("22/11/2026"))).toBe(true);
  });
});

describe("reading date cells", () => {
  it("drops the time of day", () => expect(readSerial(45351.75, "due_date")).toBe(45351));
  it("blank is null for optional dates, an error for required ones", () => {
    expect(readOptionalSerial("", "paid_date")).toBeNull();
    const r = readSerial(null, "due_date");
    expect(isEngineError(r) && r.message).toBe("due_date is required but the cell is empty.");
  });
  it("refuses text dates and out-of-range serials with a message", () => {
    const t = readSerial("2026-01-31", "due_date");
    expect(isEngineError(t) && t.message).toMatch(/due_date: text "2026-01-31" is not a date/);
    expect(isEngineError(readSerial(0, "as_of"))).toBe(true);
    expect(isEngineError(readSerial(-3, "as_of"))).toBe(true);
    expect(isEngineError(readSerial(3e6, "as_of"))).toBe(true);
    expect(isEngineError(readSerial(true, "as_of"))).toBe(true);
  });
});

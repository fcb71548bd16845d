/**
 * English messages about reading arguments: cells, dates, flags, choices and range shapes (src/engine/cells.ts,
 * dates.ts, spill.ts, receivables/common.ts). Spread into the catalogue by en.ts; input.zh.ts has the same ids.
 */
import type { Entry } from "./types";

export const INPUT_EN = {
  /** "<arg>: <cause>": a problem put in the context of the argument it came from. */
  "at.arg": (a) => `${a.arg}: ${a.cause}`,
  /** An argument's part as an argument name: "receivables (opening AR)". */
  "arg.part": (a) => `${a.arg} (${a.part})`,
  /** One month of a monthly range as an argument name: "credit_sales (month 3)". */
  "arg.month": (a) => `${a.arg} (month ${a.month})`,
  "cell.holdsNA": (a) => `the cell holds #N/A${a.note ? ` (${a.note})` : ""}: the value is not available.`,
  "cell.holdsError": (a) => `the cell holds the error ${a.code}${a.note ? ` (${a.note})` : ""}; correct that cell first.`,
  "cell.notNumber": (a, w) => `${a.arg}: expected a number but got ${w.cell(a.value)}.`,
  "cell.textNumber": (a, w) =>
    `${a.arg}: ${w.cell(a.value)} is text, not a number. Enter it as a number (remove thousands separators or % signs, or convert the cell with VALUE()).`,
  "cell.notFinite": (a) => `${a.arg}: ${a.value} is not a finite number.`,
  "cell.belowMin": (a) => `${a.arg}: ${a.value} is below the smallest allowed value ${a.min}.`,
  "cell.aboveMax": (a) => `${a.arg}: ${a.value} is above the largest allowed value ${a.max}.`,
  "cell.notInteger": (a) => `${a.arg}: ${a.value} must be a whole number.`,
  "cell.required": (a) => `${a.arg} is required but the cell is empty.`,
  "arg.required": (a) => `${a.arg} is required.`,
  "choice.notText": (a, w) => `${a.arg}: expected one of ${w.list(a.choices as readonly string[])} but got ${w.cell(a.value)}.`,
  "choice.unknown": (a, w) => `${a.arg}: "${a.value}" is not one of ${w.list(a.choices as readonly string[])}.`,
  "date.notIso": (a) => `${a.arg}: "${a.text}" is not a date in the form yyyy-mm-dd.`,
  "date.notCalendar": (a) => `${a.arg}: "${a.text}" is not a real calendar date.`,
  "date.outOfRange": (a) => `${a.arg}: "${a.text}" is outside Excel's date range.`,
  "date.text": (a) => `${a.arg}: text "${a.text}" is not a date. Enter a real Excel date (e.g. with DATE() or DATEVALUE()).`,
  "date.notDate": (a, w) => {
    const v = w.raw(a.value);
    return `${a.arg}: expected an Excel date but got ${typeof v === "number" || typeof v === "boolean" ? String(v) : w.cell(a.value)}.`;
  },
  "date.badSerial": (a) => `${a.arg}: ${a.value} is not a valid Excel date serial (1 = 1900-01-01 … 2958465 = 9999-12-31).`,
  "flag.invalid": (a, w) => `${a.arg}: ${w.cell(a.value)} is not a yes/no flag (use TRUE/FALSE, 1/0, "yes"/"no" or "是"/"否").`,
  "flag.invalidText": (a) => `${a.arg}: "${a.text}" is not a yes/no flag (use TRUE/FALSE, 1/0, "yes"/"no" or "是"/"否").`,
  "range.notVector": (a) => `${a.arg}: expected a single column or row, but got a range of ${a.rows} rows × ${a.cols} columns.`,
  "range.notSingle": (a) => `${a.arg}: expected a single cell but got a range of ${a.rows} rows × ${a.cols} columns.`,
  "range.malformed": (a) => `${a.arg}: the range is malformed: item ${a.item} is a single value where a row of cells was expected.`,
  "range.ragged": (a) => `${a.arg}: the range is not rectangular: row ${a.row} has ${a.cells} cell(s) but row 1 has ${a.width}.`,
  "range.sizeMismatch": (a) =>
    `${a.arg} has ${a.n} values but ${a.owner} has ${a.ownerN}: ranges must be the same size (or a single cell).`,
  "excel.tooLong": (a) => `The result is ${a.length} characters long, more than the ${a.max} an Excel cell holds.`,
  "excel.badValue": () => "Internal error: the result holds a value Excel cannot show. Please report it.",
  "excel.internal": (a) => `${a.fn}: internal error (${a.reason}). Please report it.`,
} satisfies Record<string, Entry>;

export type InputMessageId = keyof typeof INPUT_EN;

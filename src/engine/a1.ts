/**
 * A1 text of sheet cells, for messages that name the user's cells by the
 * address Excel shows (`Customers!C18`). Pure string arithmetic: rows and
 * columns are 0-based indexes (as Excel's `getRangeByIndexes`), the text is
 * 1-based. src/excel/address.ts builds on these two rules, so the engine's
 * messages and the add-in's I/O spell an address the same way.
 */

/**
 * Column letters of a 0-based column index ("" for anything that is not a
 * whole number ≥ 0: the engine does not throw on bad input).
 * @example columnLetters(0) === "A"; columnLetters(27) === "AB"; columnLetters(16383) === "XFD"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) return "";
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Sheet name as Excel writes it in a reference: quoted (with '' for ') unless
 * it is plain letters, digits, dots and underscores not starting with a digit
 * and not readable as a cell (A1) or R1C1 reference.
 * @example quoteSheet("Sheet1") === "Sheet1"; quoteSheet("Risk report") === "'Risk report'"; quoteSheet("客户") === "'客户'"
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[Rr][0-9]*([Cc][0-9]*)?$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A1 text of one cell, sheet-qualified unless `sheet` is "".
 * @example cellAddress("Customers", 17, 2) === "Customers!C18"; cellAddress("", 0, 0) === "A1"
 */
export function cellAddress(sheet: string, row: number, col: number): string {
  const a = `${columnLetters(col)}${row + 1}`;
  return sheet === "" ? a : `${quoteSheet(sheet)}!${a}`;
}

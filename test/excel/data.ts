/** Cheap deterministic test data for the Excel I/O tests. */

export const HEADER_20 = [
  "Customer ID",
  "Customer name",
  "Exposure",
  "Credit limit",
  "Current ratio",
  "Quick ratio",
  "Debt ratio",
  "ROA",
  "Net margin",
  "Gross margin",
  "Interest coverage",
  "Sales",
  "Total assets",
  "Total liabilities",
  "Equity",
  "Receivable days",
  "Inventory days",
  "Avg days late",
  "Years in business",
  "Industry risk",
];

/**
 * `n` rows of 20 cells: an id, a name (every 1,000th a formula-looking name),
 * and 18 numbers derived from the row index (integers and 2-decimal values,
 * typical widths). About 190 bytes of JSON per row.
 */
export function customerRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const h = (i * 2654435761) % 1000003;
    rows[i] = [
      `C${String(i + 1).padStart(6, "0")}`,
      i % 1000 === 0 ? `=HYPERLINK("http://x/${i}")` : `Customer ${i + 1} Ltd`,
      (h % 500000) * 10,
      (h % 300000) * 10,
      (h % 400) / 100,
      (h % 300) / 100,
      (h % 100) / 100,
      ((h % 40) - 10) / 100,
      ((h % 30) - 5) / 100,
      (h % 60) / 100,
      (h % 2000) / 100,
      h * 13,
      h * 7,
      h * 4,
      h * 3,
      h % 180,
      h % 240,
      h % 90,
      h % 60,
      (h % 5) + 1,
    ];
  }
  return rows;
}

/**
 * Index of the first row where `a` and `b` differ (cell by cell with ===), or
 * -1 when equal. Fast enough for 200,000 × 20 (jest's toEqual is not).
 */
export function firstDifference(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return i;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return i;
  }
  return -1;
}

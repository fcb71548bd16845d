/**
 * RFC 4180 CSV: quoted fields with embedded commas, quotes ("") and line
 * breaks; CRLF or LF; a UTF-8 byte-order mark is dropped (Excel writes one).
 */

/** Parses CSV text into rows of fields. A trailing newline does not make an empty row. */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (ch === "\r" && src[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function quote(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV with CRLF line ends (what Excel expects). */
export function formatCsv(rows: readonly (readonly unknown[])[], delimiter = ","): string {
  return rows.map((r) => r.map((v) => quote(v === null || v === undefined ? "" : String(v), delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}

/** A CSV cell as the engine should see it: plain numeric text becomes a number; other text stays text. */
export function csvCellValue(text: string): number | string {
  const t = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : text;
}

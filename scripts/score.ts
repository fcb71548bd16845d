/**
 * npm run score -- <in.csv|in.xlsx> [--out <file>] [--as-of yyyy-mm-dd] [--lang en|zh]
 *
 * Reads a customer table whose header row names factors (canonical keys,
 * English or Chinese names — the same matcher as the formulas) and writes it
 * back with the risk columns appended: score, band, PD, coverage, reasons, and
 * the recommended limit and its rule when net worth or sales are present.
 * CSV in → CSV out; XLSX in → XLSX out (first worksheet; other sheets kept).
 * A bad row gets the error text in its own cells; the run goes on.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { extname, basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { formatCsv, parseCsv, csvCellValue } from "./batch/csv";
import { scoreTable } from "./batch/score-table";
import { serialFromIso, isoFromSerial } from "../src/engine/dates";
import { isEngineError } from "../src/engine/errors";
import { Lang } from "../src/engine/lang";

interface Args {
  input: string;
  out?: string;
  asOf: string;
  lang: Lang;
}

const USAGE = "usage: npm run score -- <in.csv|in.xlsx> [--out <file>] [--as-of yyyy-mm-dd] [--lang en|zh]";

export function parseArgs(argv: string[], today: string): Args | string {
  let input: string | undefined;
  let out: string | undefined;
  let asOf = today;
  let lang: Lang = "en";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--out") out = argv[++i];
    else if (a === "--as-of") asOf = argv[++i] ?? "";
    else if (a === "--lang") {
      const l = argv[++i];
      if (l !== "en" && l !== "zh") return `--lang must be en or zh. ${USAGE}`;
      lang = l;
    } else if (a.startsWith("--")) return `unknown option ${a}. ${USAGE}`;
    else if (!input) input = a;
    else return `only one input file, got "${input}" and "${a}". ${USAGE}`;
  }
  if (!input) return `no input file given. ${USAGE}`;
  if (out === undefined && argv.includes("--out")) return `--out needs a file name. ${USAGE}`;
  const serial = serialFromIso(asOf, "--as-of");
  if (isEngineError(serial)) return serial.message;
  return { input, out, asOf: isoFromSerial(serial), lang };
}

function defaultOut(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.scored${ext}`);
}

/** Plain cell value from an exceljs cell (formulas give their cached result). */
function xlsxValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return xlsxValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

async function scoreXlsx(args: Args, out: string): Promise<{ rows: number; errors: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(args.input);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${args.input} has no worksheet.`);
  const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
  const grid: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c++) cells.push(xlsxValue(row.getCell(c).value));
    grid.push(cells);
  }
  const result = scoreTable(grid, { lang: args.lang, asOf: args.asOf });
  result.header.forEach((h, k) => {
    const cell = ws.getRow(1).getCell(width + 1 + k);
    cell.value = h;
    cell.font = { bold: true };
  });
  result.rows.forEach((values, i) => {
    const row = ws.getRow(i + 2);
    // Appended cells are plain values: text is never written as a formula.
    values.forEach((v, k) => (row.getCell(width + 1 + k).value = v));
  });
  await wb.xlsx.writeFile(out);
  return { rows: result.rows.length, errors: result.errorRows };
}

function scoreCsvFile(args: Args, out: string): { rows: number; errors: number } {
  const rows = parseCsv(readFileSync(args.input, "utf8"));
  const width = Math.max(0, ...rows.map((r) => r.length));
  const grid = rows.map((r, i) => (i === 0 ? r : r.map(csvCellValue)));
  const result = scoreTable(grid, { lang: args.lang, asOf: args.asOf });
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill("")];
  const written = [[...pad(rows[0] ?? []), ...result.header], ...rows.slice(1).map((r, i) => [...pad(r), ...result.rows[i]])];
  // Excel opens UTF-8 CSV correctly (Chinese headers) only with a byte-order mark.
  writeFileSync(out, "\ufeff" + formatCsv(written), "utf8");
  return { rows: result.rows.length, errors: result.errorRows };
}

export async function main(argv: string[], today: string): Promise<number> {
  const args = parseArgs(argv, today);
  if (typeof args === "string") {
    console.error(`score: ${args}`);
    return 2;
  }
  if (!existsSync(args.input)) {
    console.error(`score: input file not found: ${args.input}`);
    return 1;
  }
  const ext = extname(args.input).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") {
    console.error(`score: cannot read "${ext || "(no extension)"}" files: give a .csv or .xlsx file.`);
    return 2;
  }
  const out = args.out ?? defaultOut(args.input);
  if (extname(out).toLowerCase() !== ext) {
    console.error(`score: the output must have the same format as the input (${ext}), got ${out}.`);
    return 2;
  }
  try {
    const { rows, errors } = ext === ".csv" ? scoreCsvFile(args, out) : await scoreXlsx(args, out);
    console.log(`score: ${rows} rows scored as of ${args.asOf}${errors ? `, ${errors} with errors (see their cells)` : ""} → ${out}`);
    return 0;
  } catch (e) {
    console.error(`score: ${args.input}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  main(process.argv.slice(2), today).then((code) => process.exit(code));
}

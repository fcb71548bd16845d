/**
 * `npm run score` on the largest sheet Excel can hold: 1,048,576 rows (a
 * header and 1,048,575 customers × 12 columns), as CSV and as .xlsx (shared
 * strings, like a file saved by Excel). The inputs are generated in a temp
 * folder (removed afterwards); each run is a child process, so its peak
 * resident memory (maxRSS) is its own. Prints rows, time, rows/s and peak RSS.
 *
 * Run alone: `npm run bench -- cli` (or `npx tsx bench/cli.ts [rows]`).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import * as yazl from "yazl";

export const EXCEL_MAX_ROWS = 1_048_576;

const HEADER = [
  "Customer ID",
  "Customer name",
  "Debt ratio",
  "Current ratio",
  "Interest coverage",
  "Avg days late",
  "Max days late",
  "Years in business",
  "Litigation",
  "Equity",
  "Sales",
  "Terms",
];

/** Row i's cells (deterministic, realistic spread, ~2% rows with an unknown marker). */
function row(i: number): (string | number)[] {
  const r = (k: number) => ((i * 2654435761 + k * 40503) >>> 0) / 4294967296;
  return [
    `C${String(i).padStart(7, "0")}`,
    `Customer ${i} Ltd`,
    Math.round(r(1) * 1000) / 1000,
    Math.round((0.3 + r(2) * 3) * 100) / 100,
    Math.round(r(3) * 2000) / 100,
    Math.round(r(4) * 90),
    Math.round(r(5) * 180),
    Math.round(r(6) * 40),
    i % 50 === 0 ? "n/a" : Math.round(r(7) * 3),
    Math.round((r(8) - 0.1) * 5_000_000),
    Math.round(r(9) * 50_000_000),
    [30, 45, 60, 90][i % 4],
  ];
}

export async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let buf = HEADER.join(",") + "\r\n";
  for (let i = 1; i < rows; i++) {
    buf += row(i).join(",") + "\r\n";
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

const col = (j: number) => String.fromCharCode(65 + j);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function* sheetXml(rows: number): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:L${rows}"/><sheetData>`;
  let buf = "";
  for (let i = 0; i < rows; i++) {
    const cells = i === 0 ? HEADER : row(i);
    buf += `<row r="${i + 1}" spans="1:12">`;
    cells.forEach((v, j) => {
      // Text goes to the shared-strings table: index = header j, or 12 + 2·(i−1) + (0 id | 1 name) for data rows (n/a → a shared marker).
      if (typeof v === "number") buf += `<c r="${col(j)}${i + 1}"><v>${v}</v></c>`;
      else {
        const index = i === 0 ? j : v === "n/a" ? 12 : 13 + 2 * (i - 1) + j;
        buf += `<c r="${col(j)}${i + 1}" t="s"><v>${index}</v></c>`;
      }
    });
    buf += "</row>";
    if (buf.length > 1 << 20) {
      yield buf;
      buf = "";
    }
  }
  yield buf + `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function* sharedStrings(rows: number): Generator<string> {
  const n = 13 + 2 * (rows - 1);
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">`;
  let buf = HEADER.map((h) => `<si><t>${esc(h)}</t></si>`).join("") + "<si><t>n/a</t></si>";
  for (let i = 1; i < rows; i++) {
    const [id, name] = row(i) as string[];
    buf += `<si><t>${esc(id)}</t></si><si><t>${esc(name)}</t></si>`;
    if (buf.length > 1 << 20) {
      yield buf;
      buf = "";
    }
  }
  yield buf + "</sst>";
}

export async function writeXlsx(path: string, rows: number): Promise<void> {
  const zip = new yazl.ZipFile();
  const add = (name: string, text: string) => zip.addBuffer(Buffer.from(text), name);
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (...r: string[]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join("")}</Relationships>`;
  add(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  add("_rels/.rels", rels(rel("rId1", "officeDocument", "xl/workbook.xml")));
  add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  add(
    "xl/_rels/workbook.xml.rels",
    rels(
      rel("rId1", "worksheet", "worksheets/sheet1.xml"),
      rel("rId2", "sharedStrings", "sharedStrings.xml"),
      rel("rId3", "styles", "styles.xml"),
    ),
  );
  add(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`,
  );
  zip.addReadStream(Readable.from(sheetXml(rows)), "xl/worksheets/sheet1.xml");
  zip.addReadStream(Readable.from(sharedStrings(rows)), "xl/sharedStrings.xml");
  zip.end();
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  await once(out, "finish");
}

interface ChildReport {
  code: number;
  ms: number;
  maxRssMb: number;
}

function runCli(args: string[]): ChildReport {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "cli-child.ts"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`score failed: ${child.stderr || child.stdout}`);
  return JSON.parse(line.slice(6)) as ChildReport;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

export async function benchCli(rows = EXCEL_MAX_ROWS): Promise<void> {
  console.log(
    `npm run score — ${rows.toLocaleString("en-US")} rows (header + ${(rows - 1).toLocaleString("en-US")} customers) × ${HEADER.length} columns, one child process per run`,
  );
  const dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
  try {
    const csv = join(dir, "customers.csv");
    const xlsx = join(dir, "customers.xlsx");
    let t = performance.now();
    await writeCsv(csv, rows);
    await writeXlsx(xlsx, rows);
    console.log(
      `  inputs generated in ${((performance.now() - t) / 1000).toFixed(1)} s: CSV ${mb(statSync(csv).size)}, xlsx ${mb(statSync(xlsx).size)}`,
    );
    for (const [label, input, out] of [
      ["CSV  → CSV ", csv, join(dir, "out.csv")],
      ["xlsx → xlsx", xlsx, join(dir, "out.xlsx")],
    ] as const) {
      t = performance.now();
      const r = runCli([input, "--out", out, "--as-of", "2026-11-22"]);
      const s = r.ms / 1000;
      console.log(
        `  ${label}  ${s.toFixed(1).padStart(6)} s  ${Math.round((rows - 1) / s)
          .toLocaleString("en-US")
          .padStart(8)} rows/s  peak RSS ${String(r.maxRssMb).padStart(4)} MB  exit ${r.code}  output ${mb(statSync(out).size)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchCli(process.argv[2] ? Number(process.argv[2]) : EXCEL_MAX_ROWS);

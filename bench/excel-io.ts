/**
 * Excel I/O benchmark: read a 200,000-row × 20-column customer table, plan
 * and write 7 risk columns beside it (first write, then a rewrite over the
 * add-in's own block: the write-time re-check and the undo backup of 1.4
 * million cells), restore the last write, and write a report sheet, through
 * the src/excel layer against the in-memory fake host of test/excel (which
 * enforces Excel on the web's 5 MB per request and per response). Prints the
 * block sizes chosen, the largest payloads seen and the times. The times
 * measure our code plus the fake, not a real Excel round trip (each real
 * sync adds host latency: count the syncs).
 * Run alone with `npx tsx bench/excel-io.ts`; `benchExcelIo()` can join `npm run bench`.
 */
import { readTable } from "../src/excel/read-table";
import { WriteCell, planWrite, sourceKeyHash, targetBeside, writeColumns } from "../src/excel/write-columns";
import { writeReport } from "../src/excel/report-sheet";
import { restoreLastWrite } from "../src/excel/undo";
import { STORE_NAMESPACE } from "../src/excel/store";
import { jsonBytes } from "../src/excel/payload";
import { FakeExcel } from "../test/excel/fake-excel";
import { HEADER_20, customerRows } from "../test/excel/data";

const N = 200_000;
const RISK = ["Score", "Band", "PD", "Recommended limit", "Headroom", "Dunning stage", "Reasons"];
const BANDS = ["A", "B", "C", "D", "E"];

const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
const summary = (rows: number[]) =>
  `${rows.length} blocks: ${rows.slice(0, 4).join(", ")}${rows.length > 4 ? ", …" : ""} (max ${Math.max(...rows)})`;

async function timed<T>(label: string, x: FakeExcel, fn: () => Promise<T>): Promise<T> {
  const syncs = x.syncs.length;
  const t = performance.now();
  const r = await fn();
  console.log(`  ${label.padEnd(34)} ${(performance.now() - t).toFixed(0).padStart(6)} ms, ${x.syncs.length - syncs} syncs`);
  return r;
}

export async function benchExcelIo(): Promise<void> {
  console.log(`Excel I/O (fake host, 5 MB limit) — ${N.toLocaleString("en-US")} rows × ${HEADER_20.length} columns`);
  const x = new FakeExcel();
  x.addSheet("Customers");
  x.addTable("Customers", "Book", 0, 0, HEADER_20, customerRows(N));
  const ctx = () => x.context() as unknown as Excel.RequestContext;

  const read = await timed("read table", x, () => readTable(ctx(), { kind: "table", name: "Book" }));
  if (!read.ok) throw new Error(read.error.message);
  console.log(
    `    read ${summary(read.value.stats.blockRows)}, largest block ${mb(Math.max(...read.value.stats.blockBytes))}, retries ${read.value.stats.retries}`,
  );

  // The pane's area carries the digest of the header row and first column: the write checks the table too.
  const area = {
    ...read.value,
    keyHash: sourceKeyHash(
      read.value.headerRow,
      read.value.rows.map((r) => r[0]),
    ),
  };
  const target = targetBeside(area, RISK.length);
  const rows = (k: number): WriteCell[][] =>
    read.value.rows.map((r, i) => {
      const score = 300 + ((i * 37 + k) % 551);
      return [
        score / 10,
        BANDS[(i + k) % 5],
        Math.round((1 / score) * 1e6) / 1e6,
        (i % 97) * 1000,
        (i % 13) * 500 - 2000,
        ["Current", "Reminder", "Call", "Stop"][i % 4],
        `debt ratio high; ${String(r[1])} pays late`,
      ];
    });
  const opts = {
    numberFormats: ["0.0", null, "0.00%", "#,##0", "#,##0", null, null],
    bandColumn: 1,
    bandFormats: Object.fromEntries(BANDS.map((b) => [b, { fill: "#EEEEEE" }])),
  };
  const parts = () => {
    const ours = x.xmlParts.filter((p) => p.namespaceUri === STORE_NAMESPACE);
    return `${ours.length} parts, ${mb(ours.reduce((n, p) => n + jsonBytes(p.xml), 0))}`;
  };

  const plan = await timed("plan 7 risk columns (empty target)", x, () => planWrite(ctx(), target));
  if (!plan.ok) throw new Error(plan.error.message);
  const first = rows(0);
  const write = await timed("write 7 risk columns (first write)", x, () => writeColumns(ctx(), plan.value, RISK, first, opts));
  if (!write.ok) throw new Error(write.error.message);
  console.log(
    `    write ${summary(write.value.stats.blockRows)}, largest block ${mb(Math.max(...write.value.stats.blockBytes))}, retries ${write.value.stats.retries}; kept in the workbook: ${parts()}`,
  );

  const replan = await timed("plan again (own block, 1.4M cells)", x, () => planWrite(ctx(), target));
  if (!replan.ok) throw new Error(replan.error.message);
  if (replan.value.foreignCount !== 0) throw new Error(`own block judged foreign: ${replan.value.foreignCount}`);
  const again = await timed("rewrite over own block (re-check + backup)", x, () => writeColumns(ctx(), replan.value, RISK, rows(1), opts));
  if (!again.ok) throw new Error(again.error.message);
  console.log(`    kept in the workbook: ${parts()} (backup of 1.4M cells + fingerprints)`);
  const restored = await timed("restore previous values (1.4M cells)", x, () => restoreLastWrite(ctx()));
  if (!restored.ok) throw new Error(restored.error.message);

  const top = read.value.rows.slice(0, 10_000).map((r) => [String(r[0]), String(r[1]), Number(r[2])]);
  const report = await timed("report sheet (10,000-row section)", x, () =>
    writeReport(ctx(), {
      title: "Portfolio risk review",
      asOf: "2026-10-31",
      modelVersion: "bench",
      policyVersion: "bench",
      sections: [
        {
          title: "By band",
          header: ["Band", "Exposure"],
          rows: BANDS.map((b, i) => [b, (i + 1) * 1e6]),
          chart: { type: "column", title: "Exposure by band", categoriesColumn: 0, valueColumns: [1] },
        },
        { title: "Largest exposures", header: ["ID", "Name", "Exposure"], rows: top, formats: [null, null, "#,##0"] },
      ],
    }),
  );
  if (!report.ok) throw new Error(report.error.message);

  console.log(
    `  largest request ${mb(x.maxRequestBytes)}, largest response ${mb(x.maxResponseBytes)}, payload errors ${x.payloadErrors.length}, largest read ${x.maxLoadCells.toLocaleString("en-US")} cells`,
  );
}

if (require.main === module) void benchExcelIo();

/**
 * The task pane's whole pipeline on 200,000 customers (+ their invoice
 * ledger), through the same code the pane runs: the Excel WorkbookPort over
 * src/excel (against the in-memory fake host of test/excel, which enforces
 * Excel on the web's 5 MB per request/response), runReview (read → prepare →
 * score in slices → summarise), buildWriteRequest, planWrite, writeColumns and
 * the report sheet. Times are our code plus the fake host; a real Excel adds
 * its own latency per sync (the sync counts are printed for that reason).
 * Run alone with `npx tsx bench/pipeline.ts`.
 */
import { FakeExcel } from "../test/excel/fake-excel";
import { demoTables } from "../src/taskpane/services/demo-portfolio";
import { createExcelWorkbook } from "../src/excel/excel-workbook";
import { runReview } from "../src/taskpane/services/review-runner";
import { buildReport, buildWriteRequest } from "../src/taskpane/services/write-back";
import { WRITE_COLUMNS } from "../src/taskpane/i18n";
import { autoMapColumns } from "../src/engine/portfolio/mapping";
import { DEFAULT_POLICY } from "../src/engine/policy";
import { serialFromIso } from "../src/engine/dates";

const N = 200_000;

type Scalar = Parameters<FakeExcel["addTable"]>[5][number][number];

export async function benchPipeline(): Promise<void> {
  const asOf = serialFromIso("2026-11-22") as number;
  const { customers, ledger } = demoTables({ customers: N, asOf });
  const x = new FakeExcel();
  x.addSheet("Customers");
  x.addTable("Customers", "Customers", 0, 0, customers.headers.map(String), customers.rows as Scalar[][]);
  x.addSheet("Ledger");
  x.addTable("Ledger", "Ledger", 0, 0, ledger.headers.map(String), ledger.rows as Scalar[][]);
  (globalThis as unknown as { Excel: unknown }).Excel = { run: (a: unknown, b?: unknown) => x.run(a, b as never) };
  const port = createExcelWorkbook();

  console.log(
    `Task-pane pipeline (fake Excel host, 5 MB limit): ${N.toLocaleString("en-US")} customers, ${ledger.rows.length.toLocaleString("en-US")} invoices`,
  );
  const t0 = performance.now();
  let syncs = x.syncs.length;
  const step = (label: string, since: number) => {
    const now = performance.now();
    console.log(`  ${label.padEnd(40)} ${(now - since).toFixed(0).padStart(6)} ms, ${x.syncs.length - syncs} syncs`);
    syncs = x.syncs.length;
    return now;
  };

  const review = await runReview(port, {
    customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(customers.headers, "customers") },
    ledger: { source: { kind: "table", name: "Ledger" }, mapping: autoMapColumns(ledger.headers, "ledger") },
    asOf,
    lang: "en",
    policy: DEFAULT_POLICY,
  });
  if (!review.ok) throw new Error(`review failed: ${JSON.stringify(review.error)}`);
  const { timings } = review.value;
  console.log(`  ${"read (customers + ledger)".padEnd(40)} ${timings.read.toFixed(0).padStart(6)} ms`);
  console.log(`  ${"prepare + score (sliced)".padEnd(40)} ${timings.score.toFixed(0).padStart(6)} ms`);
  console.log(`  ${"summarise".padEnd(40)} ${timings.summarise.toFixed(0).padStart(6)} ms`);
  let t = step("review total", t0);

  const req = await buildWriteRequest(review.value, WRITE_COLUMNS, "values");
  if (!req) throw new Error("write request cancelled");
  t = step(`build ${WRITE_COLUMNS.length} risk columns`, t);
  const plan = await port.planWrite(req);
  if (!plan.ok) throw new Error(plan.error.message);
  t = step("plan (overwrite guard)", t);
  const written = await port.writeColumns(plan.value, req, { overwrite: false });
  if (!written.ok) throw new Error(written.error.message);
  t = step("write columns", t);
  const report = await port.writeReport(buildReport(review.value.summary, "en"));
  if (!report.ok) throw new Error(report.error.message);
  step("report sheet", t);
  const total = performance.now() - t0;
  console.log(
    `  ${"read → score → summarise → write".padEnd(40)} ${total.toFixed(0).padStart(6)} ms total (${Math.round(N / (total / 1000)).toLocaleString("en-US")} customers/s)`,
  );
}

if (require.main === module) void benchPipeline();

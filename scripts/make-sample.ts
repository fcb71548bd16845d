/**
 * `npm run sample`: (re)writes the sample data in assets/sample/ from
 * scripts/lib/sample-data.ts (seeded: the same code gives the same values).
 *
 *   creditsentinel-sample.xlsx        Customers, 客户, Invoices, History (Excel tables)
 *   creditsentinel-customers.csv      the Customers table, UTF-8 with BOM
 *   creditsentinel-customers-zh.csv   the 客户 table, GB18030 (as Excel in Chinese saves CSV)
 *   creditsentinel-history.csv        the History table, UTF-8 with BOM
 *
 * test/scripts/sample.test.ts checks that the committed files hold what this
 * script generates (the CSV files byte for byte, the workbook value for value:
 * its zip container carries the time it was written).
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { SAMPLE_FILE_NAME } from "../src/engine/synthetic";
import { sampleCsvFiles, sampleData, sampleWorkbook } from "./lib/sample-data";

export const SAMPLE_DIR = path.resolve(__dirname, "..", "assets", "sample");

export async function main(dir = SAMPLE_DIR, log: (s: string) => void = console.log): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const data = sampleData();
  const xlsx = Buffer.from(await sampleWorkbook(data).xlsx.writeBuffer());
  writeFileSync(path.join(dir, SAMPLE_FILE_NAME), xlsx);
  log(`${SAMPLE_FILE_NAME}: ${(xlsx.length / 1024).toFixed(0)} KB`);
  for (const t of [data.customers, data.customersZh, data.ledger, data.history])
    log(`  ${t.name}: ${t.rows.length} rows × ${t.headers.length} columns`);
  for (const f of sampleCsvFiles(data)) {
    writeFileSync(path.join(dir, f.file), f.bytes);
    log(`${f.file}: ${(f.bytes.length / 1024).toFixed(0)} KB`);
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}

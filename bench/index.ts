/**
 * npm run bench — prints throughput figures; it asserts nothing (speed belongs
 * here, not in timed tests). Figures depend on the machine: compare runs on
 * the same machine only.
 */
import { benchScoring } from "./scoring";
import { benchAdapters } from "./adapters";
import { benchReceivables } from "./receivables";
import { benchReview } from "./review";
import { benchExcelIo } from "./excel-io";
import { benchPipeline } from "./pipeline";

async function main(): Promise<void> {
  console.log(`CreditSentinel benchmark — Node ${process.version}, ${process.platform}/${process.arch}\n`);
  await benchScoring();
  console.log("");
  await benchAdapters();
  console.log("");
  await benchReceivables();
  console.log("");
  await benchReview();
  console.log("");
  await benchExcelIo();
  console.log("");
  await benchPipeline();
}

void main();

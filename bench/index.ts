/**
 * npm run bench — prints throughput figures; it asserts nothing (speed belongs
 * here, not in timed tests). Figures depend on the machine: compare runs on
 * the same machine only.
 * `npm run bench -- cli` runs only the CLI section (npm run score on 1,048,576 rows).
 * `npm run bench -- fit` runs only the history fit in Node (5,000 customers × 17 ratios, each stage).
 * `npm run bench -- fit-pane` runs that fit as the pane does, in real Chromium, through the Web Worker and
 * without it (needs the production build: `npm run build` first; not part of the full run).
 */
import { benchHistoryFit, benchScoring } from "./scoring";
import { benchFitPane } from "./fit-pane";
import { benchAdapters } from "./adapters";
import { benchReceivables } from "./receivables";
import { benchReview } from "./review";
import { benchExcelIo } from "./excel-io";
import { benchPipeline } from "./pipeline";
import { benchCli } from "./cli";

async function main(): Promise<void> {
  console.log(`CreditSentinel benchmark — Node ${process.version}, ${process.platform}/${process.arch}\n`);
  if (process.argv[2] === "cli") return benchCli();
  if (process.argv[2] === "fit") return benchHistoryFit();
  if (process.argv[2] === "fit-pane") return benchFitPane();
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
  console.log("");
  await benchCli();
}

void main();

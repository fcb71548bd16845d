/**
 * The history fit as the pane runs it, in real Chromium: the production
 * workbench (dist/workbench.html, so `npm run build` first) opens a CSV of
 * 5,000 past customers × 17 ratios, and "Calibrate to my portfolio" fits it
 * (stage full: 5-fold cross-validation and the final fit). Reported per run:
 * the wall time from the Fit click to the fit report on screen (reading the
 * table, the fit, the report), and the longest main-thread task in that time
 * (PerformanceObserver "longtask": tasks over 50 ms; none = the pane never
 * blocked that long). Once through the Web Worker (as shipped) and once with
 * workers removed from the page (the in-thread fallback of hosts without
 * workers), for comparison. Measures only; asserts nothing.
 *
 *   npm run build && npm run bench -- fit-pane
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { cpus, loadavg, tmpdir } from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { CANONICAL_RATIOS } from "../src/engine/calibration/fit";
import { ROOT, chromiumAvailable, launchChromium, sandbox, CHROMIUM_PATH } from "../test/e2e/browser";
import { startStaticServer } from "../test/e2e/static-server";
import { syntheticHistory } from "./scoring";

const N = 5000;
const RUNS = 3;

/** The bench's synthetic history as a CSV file (keys as headers, blanks empty, Defaulted yes/no). */
function historyCsv(dir: string): { file: string; table: string; defaults: number } {
  const h = syntheticHistory(N);
  const keys = CANONICAL_RATIOS.map((f) => f.key);
  const lines = [[...keys, "Defaulted"].join(",")];
  for (let i = 0; i < h.n; i++)
    lines.push([...keys.map((k) => (Number.isNaN(h.columns[k]![i]) ? "" : String(h.columns[k]![i]))), h.label[i] ? "yes" : "no"].join(","));
  const table = `fit-history-${N}`;
  const file = path.join(dir, `${table}.csv`);
  writeFileSync(file, lines.join("\n") + "\n");
  return { file, table, defaults: h.label.reduce((a, b) => a + b, 0) };
}

interface Run {
  /** Click → report; of which reading the table (click → "Fitting…") and the fit ("Fitting…" → progress gone). */
  ms: number;
  read: number;
  fit: number;
  longestTask: number;
  longTasks: number;
  workers: string[];
}

/**
 * Runs in the page (as text: tsx would add helpers the page lacks): clicks Fit, times until the fit report (or a
 * notice) is on screen, and collects the long tasks of the main thread meanwhile.
 */
const IN_PAGE_FIT = `new Promise((resolve) => {
  const tasks = [];
  const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  po.observe({ type: "longtask" });
  const fit = [...document.querySelectorAll('[data-testid="calibrate-panel"] button')].find((b) => b.textContent === "Fit");
  let mo = null;
  let fitFrom = null;
  let fitTo = null;
  const t0 = performance.now();
  const done = () => {
    const ms = performance.now() - t0;
    mo.disconnect();
    setTimeout(() => {
      po.takeRecords().forEach((e) => tasks.push(e.duration));
      po.disconnect();
      resolve({ ms, tasks, read: (fitFrom ?? ms) , fit: (fitTo ?? ms) - (fitFrom ?? 0) });
    }, 100);
  };
  mo = new MutationObserver(() => {
    const busy = document.querySelector('[data-testid="fit-progress"]');
    if (fitFrom === null && busy && busy.textContent.includes("Fitting")) fitFrom = performance.now() - t0;
    if (fitFrom !== null && fitTo === null && !busy) fitTo = performance.now() - t0;
    if (document.querySelector('[data-testid="fit-report"]') || document.querySelector('[data-testid="calibrate-notice"]')) done();
  });
  mo.observe(document.body, { childList: true, subtree: true });
  fit.click();
})`;

/** One fit, clicked in the page; timed inside the page from the click to the report. */
async function fitOnce(page: Page): Promise<Run> {
  const workers: string[] = [];
  const onWorker = (w: { url(): string }) => workers.push(w.url());
  page.on("worker", onWorker);
  const r = (await page.evaluate(IN_PAGE_FIT)) as { ms: number; tasks: number[]; read: number; fit: number };
  page.off("worker", onWorker);
  const notice = await page.getByTestId("calibrate-notice").count();
  if (notice) throw new Error(`the fit did not report: ${await page.getByTestId("calibrate-notice").textContent()}`);
  return { ms: r.ms, read: r.read, fit: r.fit, longestTask: Math.max(0, ...r.tasks), longTasks: r.tasks.length, workers };
}

async function session(browser: Browser, origin: string, csv: { file: string; table: string }, withWorker: boolean): Promise<Run[]> {
  const box = await sandbox(browser);
  const page = await box.context.newPage();
  if (!withWorker) await page.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(`${origin}/workbench.html`, { waitUntil: "load" });
  await page.getByTestId("file-name").waitFor({ timeout: 120_000 });
  await page.getByTestId("file-input").setInputFiles(csv.file);
  await page.getByTestId("file-name").getByText(path.basename(csv.file), { exact: true }).waitFor({ timeout: 120_000 });
  await page.getByRole("button", { name: "Calibrate to my portfolio" }).click();
  const panel = page.getByTestId("calibrate-panel");
  await panel.getByRole("combobox", { name: "History table" }).selectOption(csv.table);
  await panel.getByRole("radio", { name: /^Full refit/ }).check();
  const runs: Run[] = [];
  for (let k = 0; k < RUNS; k++) {
    runs.push(await fitOnce(page));
    await page.getByTestId("fit-report").waitFor();
  }
  await box.context.close();
  return runs;
}

export async function benchFitPane(): Promise<void> {
  const load = loadavg()[0];
  console.log(
    `History fit in the pane, real Chromium (${CHROMIUM_PATH}), production workbench; ${N.toLocaleString("en-US")} customers × ${CANONICAL_RATIOS.length} ratios, stage full; load average ${load.toFixed(1)} on ${cpus().length} cores`,
  );
  if (!chromiumAvailable()) return console.log(`  skipped: no Chromium at ${CHROMIUM_PATH}`);
  if (!existsSync(path.join(ROOT, "dist/workbench.html")) || !existsSync(path.join(ROOT, "dist/fit-worker.js")))
    return console.log("  skipped: dist/ lacks the production workbench: run `npm run build` first");
  const dir = mkdtempSync(path.join(tmpdir(), "cs-fit-pane-"));
  const csv = historyCsv(dir);
  const [server, browser] = await Promise.all([startStaticServer(path.join(ROOT, "dist")), launchChromium()]);
  try {
    for (const withWorker of [true, false]) {
      const runs = await session(browser, server.origin, csv, withWorker);
      const label = withWorker ? "Web Worker (as shipped)" : "no Worker (in-thread steps)";
      const via = withWorker
        ? ` via ${[...new Set(runs.flatMap((r) => r.workers.map((u) => new URL(u).pathname)))].join(", ") || "NO WORKER"}`
        : "";
      console.log(`  ${label}${via} (${csv.defaults} defaults):`);
      for (const r of runs)
        console.log(
          `    click → report ${r.ms.toFixed(0).padStart(6)} ms (reading the table ${r.read.toFixed(0)} ms, fit ${r.fit.toFixed(0)} ms);  longest main-thread task ${r.longestTask.toFixed(0).padStart(5)} ms (${r.longTasks} tasks over 50 ms)`,
        );
      const median = (xs: number[]): string => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0);
      console.log(
        `    median: click → report ${median(runs.map((r) => r.ms))} ms, fit ${median(runs.map((r) => r.fit))} ms, longest task ${median(runs.map((r) => r.longestTask))} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchFitPane();

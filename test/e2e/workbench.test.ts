/**
 * End-to-end: the workbench (dist/workbench.html, the PRODUCTION build; npm
 * test builds it first) in headless Chromium, as a user without Excel meets
 * it: the sample workbook opens and is reviewed by itself → explain a customer →
 * write the risk columns and the report → download the scored workbook,
 * which Node then reads back with exceljs and checks against the engine's
 * figures for the same file. Then a GB18030 CSV with Chinese headers is
 * opened from disk, in Chinese, and the page opened straight from the file
 * system (file://). No network but loopback; no page or console errors (a
 * Content-Security-Policy violation would be one).
 *
 * Screenshots at 350 px (task-pane width) and 800 px go to test-artifacts/
 * (git-ignored) for a human look; axe-core finds no serious or critical
 * violation on the page.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page, Worker } from "playwright-core";
import { serialFromIso } from "../../src/engine/dates";
import { autoMapColumns } from "../../src/engine/portfolio/mapping";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { WRITE_COLUMNS } from "../../src/taskpane/i18n";
import { runReview } from "../../src/taskpane/services/review-runner";
import { buildWriteRequest } from "../../src/taskpane/services/write-back";
import { createWorkbenchPort, openFiles } from "../../src/taskpane/workbench/file-workbook";
import { SAMPLE_AS_OF, SAMPLE_CSV_FILES, SAMPLE_FILE_NAME } from "../../src/engine/synthetic";
import { CHROMIUM_PATH, ROOT, Sandbox, chromiumAvailable, launchChromium, sandbox } from "./browser";
import { seriousViolations } from "./axe";
import { StaticServer, startStaticServer } from "./static-server";

jest.setTimeout(180_000);

const DIST = path.join(ROOT, "dist");
const SAMPLE_DIR = path.join(ROOT, "assets/sample");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const shot = (name: string) => path.join(ARTIFACTS, `workbench-${name}.png`);

function distProblem(): string | null {
  if (!existsSync(path.join(DIST, "workbench.html"))) return "dist/ lacks workbench.html: run `npm run build` first (npm test does).";
  if (readFileSync(path.join(DIST, "manifest.xml"), "utf8").includes("https://localhost:3000/"))
    return "dist/ holds a development build: run `npm run build` first.";
  return null;
}

describe("the workbench build", () => {
  beforeAll(() => {
    const problem = distProblem();
    if (problem) throw new Error(problem);
  });

  test("is a page of its own: the add-in's bundles carry no exceljs and no sample, the workbench's lazy chunks hold them", () => {
    const addin = ["functions.js", "taskpane.js"].map((f) => readFileSync(path.join(DIST, f), "utf8"));
    for (const text of addin) {
      expect(text).not.toContain("xl/worksheets/"); // exceljs writes these part names
      expect(text).not.toContain("workbench/exceljs");
    }
    expect(readFileSync(path.join(DIST, "workbench/exceljs.js"), "utf8")).toContain("xl/worksheets/");
    expect(readFileSync(path.join(DIST, "workbench/workbench.js"), "utf8")).not.toContain("xl/worksheets/");
    const html = readFileSync(path.join(DIST, "workbench.html"), "utf8");
    expect(html).not.toMatch(/office\.js|appsforoffice/);
    // As for the add-in: no source maps, no local paths.
    const files = readdirSync(path.join(DIST, "workbench"));
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const text of [
      html,
      ...files.filter((f) => f.endsWith(".js")).map((f) => readFileSync(path.join(DIST, "workbench", f), "utf8")),
    ]) {
      expect(text).not.toContain("sourceMappingURL");
      expect(text).not.toContain(ROOT);
    }
    expect(html).toMatch(/Content-Security-Policy"? content="[^"]*connect-src 'none'/);
  });
});

const HAVE_CHROMIUM = chromiumAvailable();
if (!HAVE_CHROMIUM) {
  if (process.env.CI === "true") {
    test("headless Chromium is installed (required under CI=true)", () => {
      throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH.`);
    });
  } else {
    console.warn(`e2e workbench: no Chromium at ${CHROMIUM_PATH}; skipped.`);
  }
}

/** Whether closing the tab now would ask first (a cancelled beforeunload). */
const leavingIsQuestioned = (p: Page) =>
  p.evaluate(() => {
    const e = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

/** The risk columns the engine gives the sample's Customers table (with its ledger), computed here in Node. */
async function expectedColumns() {
  const lib = async () => ExcelJS;
  const r = await openFiles(
    [{ name: SAMPLE_FILE_NAME, bytes: new Uint8Array(readFileSync(path.join(SAMPLE_DIR, SAMPLE_FILE_NAME))) }],
    lib,
  );
  if (!r.ok) throw new Error("sample");
  const port = createWorkbenchPort(r.doc);
  const headers = (n: string) => r.doc.input.tables.find((t) => t.name === n)?.headers ?? [];
  const review = await runReview(port, {
    customers: { source: { kind: "table", name: "Customers" }, mapping: autoMapColumns(headers("Customers")) },
    ledger: { source: { kind: "table", name: "Invoices" }, mapping: autoMapColumns(headers("Invoices"), "ledger") },
    asOf: serialFromIso(SAMPLE_AS_OF) as number,
    lang: "en",
    policy: DEFAULT_POLICY,
  });
  if (!review.ok) throw new Error("review");
  const req = await buildWriteRequest(review.value, [...WRITE_COLUMNS], "values");
  if (!req) throw new Error("write request");
  return req.columns;
}

(HAVE_CHROMIUM ? describe : describe.skip)("the workbench in headless Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let box: Sandbox;
  let page: Page;
  const errors: string[] = [];

  const watch = (p: Page) => {
    p.on("pageerror", (e) => errors.push(`pageerror: ${String(e)}`));
    p.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
  };

  /** Goes to a step of the review (its tab). */
  const step = async (p: Page, name: string) => {
    await p.getByRole("tab", { name }).click();
    await expect(p.getByRole("tab", { name }).getAttribute("aria-selected")).resolves.toBe("true");
  };

  beforeAll(async () => {
    const problem = distProblem();
    if (problem) throw new Error(problem);
    mkdirSync(ARTIFACTS, { recursive: true });
    [server, browser] = await Promise.all([startStaticServer(DIST), launchChromium()]);
    box = await sandbox(browser);
    page = await box.context.newPage();
    watch(page);
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.goto(`${server.origin}/workbench.html`, { waitUntil: "load" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("it starts on the sample workbook, with the customers and the ledger picked, the sample's as-of date, and reviews it", async () => {
    await page.getByRole("heading", { level: 1, name: "CreditSentinel" }).waitFor();
    await page
      .getByTestId("privacy")
      .getByText(/nothing is uploaded, and this page makes no network requests/)
      .waitFor();
    await expect(page.getByTestId("file-name").textContent({ timeout: 60_000 })).resolves.toBe(SAMPLE_FILE_NAME);
    // The sample is reviewed as soon as it opens, and the pane moves to the Overview: the choices are on the Data step.
    await page.getByTestId("band-chart").waitFor({ timeout: 60_000 });
    await step(page, "Data");
    await page.getByRole("heading", { name: "Invoice ledger columns" }).waitFor({ timeout: 60_000 });
    await expect(page.getByRole("combobox", { name: "Customer table" }).inputValue()).resolves.toBe("Customers");
    await expect(page.getByRole("combobox", { name: "Invoice ledger (optional)" }).inputValue()).resolves.toBe("Invoices");
    await expect(page.getByRole("textbox", { name: /As-of date/ }).inputValue()).resolves.toBe(SAMPLE_AS_OF);
    await expect(page.getByText("18 of 19 columns recognised").count()).resolves.toBe(1);
    // Nothing written yet: the download says what to do first, and stays reachable by keyboard.
    const download = page.getByRole("button", { name: "Download scored workbook" });
    await expect(download.getAttribute("aria-disabled")).resolves.toBe("true");
    await page.getByText(/Write the risk columns or the report first/).waitFor();
    await page.screenshot({ path: shot("800-start"), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.setViewportSize({ width: 350, height: 900 });
    await page.screenshot({ path: shot("350-start"), fullPage: true });
  });

  test("the review (run when the sample opened): every band, the planted data problems, the ledger's aging", async () => {
    await expect(page.getByRole("button", { name: "Review again" }).count()).resolves.toBe(1);
    await step(page, "Overview");
    await page.getByTestId("band-chart").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("review-notice").textContent()).resolves.toMatch(/^Reviewed 400 customers in/);
    const bandLabel = (await page.getByTestId("band-chart").getAttribute("aria-label")) ?? "";
    for (const band of ["A", "B", "C", "D", "E"]) expect(bandLabel).toMatch(new RegExp(`(^|; |: )${band} [1-9][\\d,]* /`));
    await step(page, "Monitor");
    await page.getByTestId("aging-chart").waitFor();
    await step(page, "Data");
    const problems = page.getByTestId("problems");
    await problems.getByText(/^Customer IDs found in more than one row: 1\./).waitFor();
    await problems.getByText(/C99999/).waitFor();
    // "Go to" a problem: no sheet to select here, so the page says where the cell is.
    await problems
      .getByRole("button", { name: /^Go to / })
      .first()
      .click();
    await expect(page.getByTestId("selected-row").textContent()).resolves.toMatch(
      /^That is (cell [A-Z]+\d+|row \d+) of sheet “(Customers|Invoices)” \(in your spreadsheet program\)\.$/,
    );
    await page.screenshot({ path: shot("350-review"), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await step(page, "Overview");
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  test("explain a customer; “Show in sheet” says where its row is", async () => {
    await step(page, "Customers");
    await page.getByTestId("customer-list").getByRole("option").first().click();
    const panel = page.getByTestId("explain");
    await panel.waitFor();
    await expect(panel.getByRole("heading", { level: 3 }).textContent()).resolves.toMatch(/^Why C\d{5} .+\?$/);
    await panel.getByTestId("waterfall").waitFor();
    await panel.getByRole("button", { name: "Show in sheet" }).click();
    await expect(page.getByTestId("selected-row").textContent()).resolves.toMatch(/^That customer is in row \d+ of sheet “Customers”\.$/);
    await panel.screenshot({ path: shot("350-explain") });
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
  });

  test("the scoring model: the score monitor after the review, and a fit to the sample's History table with its report", async () => {
    await page.getByTestId("score-monitor").waitFor();
    await expect(page.getByTestId("psi-value").textContent()).resolves.toMatch(/\d\.\d{3}/);
    await expect(page.getByTestId("model-in-use").textContent()).resolves.toMatch(/^In use: the shipped model/);
    await page.getByRole("button", { name: "Calibrate to my portfolio" }).click();
    const panel = page.getByTestId("calibrate-panel");
    await panel.getByRole("combobox", { name: "History table" }).selectOption("History");
    // The fit runs in its Web Worker (dist/fit-worker.js, from the page's own origin), which ends with the fit.
    const workers: { url: string; closed: boolean }[] = [];
    const onWorker = (w: Worker) => {
      const seen = { url: w.url(), closed: false };
      workers.push(seen);
      w.on("close", () => (seen.closed = true));
    };
    page.on("worker", onWorker);
    await panel.getByRole("button", { name: "Fit", exact: true }).click();
    const report = page.getByTestId("fit-report");
    await report.waitFor({ timeout: 120_000 });
    await expect(report.textContent()).resolves.toContain("AUC (ranking)");
    page.off("worker", onWorker);
    expect(workers.map((w) => w.url)).toEqual([`${server.origin}/fit-worker.js`]);
    for (let i = 0; i < 50 && !workers[0].closed; i++) await new Promise((r) => setTimeout(r, 100));
    expect(workers[0].closed).toBe(true); // terminated once the fit came back
    await page.getByRole("button", { name: "Close calibration" }).click();
  });

  test("write back, download, and the downloaded workbook holds the engine's figures beside the untouched input", async () => {
    await step(page, "Write");
    await page.getByRole("button", { name: "Write to workbook…" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.getByRole("button", { name: "Write", exact: true }).click();
    await expect(page.getByTestId("write-message").textContent({ timeout: 60_000 })).resolves.toBe(
      "Written to Customers!T1:Z401. The “Risk report” sheet was (re)generated.",
    );
    await page.getByText("You have written results that are not downloaded yet.").waitFor();
    await expect(leavingIsQuestioned(page)).resolves.toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Download scored workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("creditsentinel-sample-scored.xlsx");
    const file = path.join(ARTIFACTS, "workbench-download.xlsx");
    await download.saveAs(file);
    await page
      .getByTestId("download-result")
      .getByText("Downloaded creditsentinel-sample-scored.xlsx. Your original file is unchanged.", { exact: false })
      .waitFor();
    await expect(leavingIsQuestioned(page)).resolves.toBe(false);
    await page.getByTestId("file-panel").screenshot({ path: shot("350-file-downloaded") });
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.getByTestId("file-panel").screenshot({ path: shot("800-file-downloaded") });
    await page.screenshot({ path: shot("800-downloaded"), fullPage: true });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Customers", "客户", "Invoices", "Default history", "Risk report"]);
    const ws = wb.getWorksheet("Customers") as ExcelJS.Worksheet;
    const expected = await expectedColumns();
    const first = 20; // column T
    expect(expected.map((_, j) => ws.getCell(1, first + j).value)).toEqual(expected.map((c) => c.header));
    const got = expected.map((_, j) => Array.from({ length: 400 }, (_, i) => ws.getCell(2 + i, first + j).value));
    expect(got).toEqual(expected.map((c) => c.values.map((v) => (v === "" ? null : v))));
    // The input's own cells are untouched.
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(path.join(SAMPLE_DIR, SAMPLE_FILE_NAME));
    const inputSheet = input.getWorksheet("Customers") as ExcelJS.Worksheet;
    const cells = (s: ExcelJS.Worksheet) =>
      Array.from({ length: 401 }, (_, r) => Array.from({ length: 19 }, (_, c) => s.getCell(r + 1, c + 1).value));
    expect(cells(ws)).toEqual(cells(inputSheet));
    expect((wb.getWorksheet("Risk report") as ExcelJS.Worksheet).getCell("A1").value).toBe("CreditSentinel portfolio risk report");
  });

  test("a GB18030 CSV with Chinese headers, opened from disk, reviewed in Chinese", async () => {
    await page.getByRole("radio", { name: "中文" }).check();
    await page.getByRole("heading", { level: 2, name: "工作簿" }).waitFor();
    await page.getByTestId("file-input").setInputFiles(path.join(SAMPLE_DIR, SAMPLE_CSV_FILES.customersZh));
    await page.getByTestId("file-name").getByText(SAMPLE_CSV_FILES.customersZh, { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByText(/creditsentinel-customers-zh\.csv：200 行，按 GB18030（中文） 编码、以逗号分隔读取。/).waitFor();
    await page.getByText("已识别 18 / 19 列").waitFor({ timeout: 60_000 });
    await expect(page.getByRole("combobox", { name: "客户表" }).inputValue()).resolves.toBe("creditsentinel-customers-zh");
    await page.getByRole("button", { name: "评估组合" }).click();
    await page.getByTestId("band-chart").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("review-notice").textContent()).resolves.toMatch(/^已评估 200 个客户/);
    await step(page, "客户");
    await page.getByTestId("customer-list").getByRole("option").first().click();
    await page.getByTestId("explain").waitFor();
    await page.screenshot({ path: shot("800-zh-csv"), fullPage: true });
    await page.setViewportSize({ width: 350, height: 900 });
    await page.screenshot({ path: shot("350-zh-csv"), fullPage: true });
    await page.keyboard.press("Escape");
    await page.getByTestId("explain").waitFor({ state: "detached" });
    await page.getByTestId("file-panel").screenshot({ path: shot("350-zh-file") });
  });

  test("opening another file with results not downloaded asks first; an .ods file gets a way forward", async () => {
    await step(page, "写回");
    await page.getByRole("button", { name: "写入工作簿…" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "写入", exact: true }).click();
    await page.getByText("您写入的结果尚未下载。").waitFor({ timeout: 60_000 });
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "book.ods", mimeType: "application/vnd.oasis.opendocument.spreadsheet", buffer: Buffer.from("x") });
    const ask = page.getByRole("dialog");
    await ask.getByText("打开其他文件？").waitFor();
    await ask.getByRole("button", { name: "继续操作" }).click();
    await expect(page.getByTestId("file-name").textContent()).resolves.toBe(SAMPLE_CSV_FILES.customersZh);
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "book.ods", mimeType: "application/vnd.oasis.opendocument.spreadsheet", buffer: Buffer.from("x") });
    await page.getByRole("dialog").getByRole("button", { name: "丢弃并打开" }).click();
    await expect(page.getByTestId("open-error").textContent()).resolves.toMatch(
      /^book\.ods 不是 Excel 工作簿。请在 WPS 或 LibreOffice 中选择“文件 → 另存为 → Excel 工作簿（\.xlsx）”/,
    );
    await page.getByTestId("file-panel").screenshot({ path: shot("350-zh-open-error") });
  });

  test("drag and drop: a semicolon-separated CSV with decimal commas (as European Excel saves it)", async () => {
    const csv = "Customer ID;Debt ratio;Current ratio;Exposure\r\nE1;0,45;1,8;12000\r\nE2;0,92;0,7;8000\r\n";
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], "eu-customers.csv", { type: "text/csv" }));
      return d;
    }, csv);
    await page.dispatchEvent("main", "dragenter", { dataTransfer: dt });
    await page.getByText("松开鼠标即可打开文件").waitFor();
    await page.dispatchEvent("main", "drop", { dataTransfer: dt });
    await page.getByRole("dialog").getByRole("button", { name: "丢弃并打开" }).click(); // the Chinese CSV's results were not downloaded
    await page.getByTestId("file-name").getByText("eu-customers.csv", { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByText("eu-customers.csv：2 行，按 UTF-8 编码、以分号分隔读取。 小数逗号已按数字读取。").waitFor();
    await expect(page.getByText("松开鼠标即可打开文件").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "评估组合" }).click();
    await page
      .getByTestId("review-notice")
      .getByText(/^已评估 2 个客户/)
      .waitFor({ timeout: 60_000 });
  });

  test("no page or console errors, and no request left the machine", () => {
    expect(errors).toEqual([]);
    expect(box.blocked).toEqual([]);
  });

  test("opened straight from disk (file://), it works the same: the sample opens and reviews", async () => {
    // The page's own files are file: URLs here; anything else would still be recorded and refused.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    const local = await context.newPage();
    const localErrors: string[] = [];
    local.on("pageerror", (e) => localErrors.push(String(e)));
    local.on("console", (m) => (m.type() === "error" ? localErrors.push(m.text()) : undefined));
    await local.goto(pathToFileURL(path.join(DIST, "workbench.html")).href, { waitUntil: "load" });
    await expect(local.getByTestId("file-name").textContent({ timeout: 60_000 })).resolves.toBe(SAMPLE_FILE_NAME);
    await local.getByTestId("band-chart").waitFor({ timeout: 60_000 });
    await step(local, "Data");
    await local.getByRole("heading", { name: "Invoice ledger columns" }).waitFor({ timeout: 60_000 });
    expect(localErrors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  });
});

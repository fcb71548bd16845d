/**
 * `npm run calibrate -- <history> --ledger <ledger> --as-of <date> --out <model.json>`:
 * the outcome derived from the invoice ledger (engine: ledger-labels.ts),
 * joined by customer id; the label counts and reasons printed; the same model
 * as a column holding the same labels; refusals (exit 2) and errors (exit 1).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../scripts/calibrate";
import { CANONICAL_RATIOS } from "../../src/engine/calibration/fit";
import { syntheticHistory } from "../../bench/scoring";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(path.join(tmpdir(), "cs-ledger-"));
const N = 600;
const h = syntheticHistory(N, 3); // 42 defaults
const keys = CANONICAL_RATIOS.map((f) => f.key);
const id = (i: number) => `K${String(i).padStart(4, "0")}`;

/** The history: a Customer ID, the ratios and the same outcome as a "defaulted" column (for the cross-check). */
const history = path.join(dir, "history.csv");
writeFileSync(
  history,
  [
    ["Customer ID", ...keys, "defaulted"].join(","),
    ...Array.from({ length: N }, (_, i) =>
      [
        id(i),
        ...keys.map((k) => {
          const x = h.columns[k]![i];
          return x === x ? String(x) : "";
        }),
        h.label[i] ? "yes" : "no",
      ].join(","),
    ),
  ].join("\n"),
);

/**
 * The ledger (as-of 2025-06-30): every customer has an invoice paid on time in the window; a defaulted
 * customer also one due 2025-09-30 and paid 2026-01-28 (120 days late). Plus a credit note, an invoice
 * of a customer not in the history and a bad row of the first healthy customer when `withBad`.
 */
function ledgerCsv(name: string, withBad = false): string {
  const lines = ["客户编号,发票日期,到期日,付款日期,金额"];
  for (let i = 0; i < N; i++) {
    lines.push(`${id(i)},2025-08-01,2025-08-31,2025-08-30,1000`);
    if (h.label[i]) lines.push(`${id(i)},2025-09-01,2025-09-30,2026-01-28,2500`);
  }
  lines.push(`${id(2)},2025-10-01,2025-10-01,,-300`);
  lines.push(`X-other,2025-07-01,2025-07-31,2025-08-05,50`);
  lines.push(`C-last,2026-07-15,2026-08-14,,700`); // the latest date: data date 2026-07-15
  if (withBad) lines.push(`${id(h.label.indexOf(0))},soon,2025-09-30,,100`);
  const file = path.join(dir, name);
  writeFileSync(file, lines.join("\n"));
  return file;
}
const ledger = ledgerCsv("ledger.csv");

describe("npm run calibrate -- <history> --ledger <ledger> --as-of <date>", () => {
  test("labels from the ledger, joined by customer id; the counts printed; the same model as the same labels in a column", async () => {
    const viaLedger = path.join(dir, "ledger-fit.json");
    const r = await run([history, "--ledger", ledger, "--as-of", "2025-06-30", "--stage", "levels", "--out", viaLedger]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "calibrate: ledger.csv: 600 history customers: 600 labelled (42 defaulted: an invoice 90+ days past due between 2025-06-30 and 2026-06-30; 558 healthy); 0 left out. Ledger known up to 2026-07-15.",
    );
    expect(r.out).toMatch(/history\.csv: 600 rows, 42 defaults; label "outcome \(from the ledger\)"; stage levels/);
    const viaColumn = path.join(dir, "column-fit.json");
    expect((await run([history, "--label", "defaulted", "--stage", "levels", "--out", viaColumn])).code).toBe(0);
    expect(readFileSync(viaLedger, "utf8")).toBe(readFileSync(viaColumn, "utf8"));
  });

  test("left out and why; bad ledger rows reported; a later as-of date with the window not covered is refused (en and zh)", async () => {
    const bad = ledgerCsv("bad.csv", true);
    const hist2 = path.join(dir, "history2.csv");
    const lines = readFileSync(history, "utf8").split("\n");
    writeFileSync(hist2, [...lines, `NOPE,${keys.map(() => "0.5").join(",")},no`, `,${keys.map(() => "0.5").join(",")},no`].join("\n"));
    const r = await run([hist2, "--ledger", bad, "--as-of", "2025-06-30", "--stage", "levels", "--out", path.join(dir, "b.json")]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^calibrate: bad\.csv: 1 ledger rows could not be read and were left out .*: row \d+: invoice_dates: text "soon" is not a date/,
    );
    expect(r.out).toContain(
      "602 history customers: 599 labelled (42 defaulted: an invoice 90+ days past due between 2025-06-30 and 2026-06-30; 557 healthy); 3 left out: 1 with unreadable ledger rows, 1 not in the ledger, 1 without a customer ID.",
    );
    const late = await run([history, "--ledger", ledger, "--as-of", "2025-09-30", "--out", path.join(dir, "late.json")]);
    expect(late.code).toBe(1);
    expect(late.err).toBe(
      "calibrate: The ledger is known up to 2026-07-15, but the 12-month window after the as-of date ends on 2026-09-30: no customer can be labelled healthy yet. Choose an as-of date on or before 2025-07-15, or give a later data date.",
    );
    expect(existsSync(path.join(dir, "late.json"))).toBe(false);
    const zh = await run([history, "--ledger", ledger, "--as-of", "2025-09-30", "--out", path.join(dir, "late.json"), "--lang", "zh"]);
    expect(zh.err).toMatch(/^calibrate: 台账数据截至 2026-07-15/);
    const dd = await run([
      history,
      "--ledger",
      ledger,
      "--as-of",
      "2025-07-31",
      "--data-date",
      "2026-08-31",
      "--stage",
      "levels",
      "--out",
      path.join(dir, "dd.json"),
    ]);
    expect(dd.code).toBe(0);
    expect(dd.out).toContain(
      "600 labelled (42 defaulted: an invoice 90+ days past due between 2025-07-31 and 2026-07-31; 558 healthy); 0 left out. Ledger known up to 2026-08-31.",
    );
  });

  test("the policy from the command line: --days-past-due 150 leaves no default; a bad value is refused", async () => {
    const r = await run([
      history,
      "--ledger",
      ledger,
      "--as-of",
      "2025-06-30",
      "--days-past-due",
      "150",
      "--default-rate",
      "0.02",
      "--out",
      path.join(dir, "d.json"),
    ]);
    expect(r.out).toContain("(0 defaulted: an invoice 150+ days past due");
    expect(
      await run([history, "--ledger", ledger, "--as-of", "2025-06-30", "--window-months", "0", "--out", path.join(dir, "w.json")]),
    ).toMatchObject({
      code: 2,
      err: "calibrate: policy outcome.windowMonths must be a whole number of months from 1 to 120, got 0.",
    });
    expect(
      await run([history, "--ledger", ledger, "--as-of", "2025-06-30", "--min-amount", "", "--out", path.join(dir, "w.json")]),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining("policy outcome.minAmount must be an amount of 0 or more"),
    });
  });

  test("an .xlsx ledger with Excel dates is read from its first worksheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ledger");
    const csv = readFileSync(ledger, "utf8").split("\n");
    const day = (t: string) => (t === "" ? null : new Date(`${t}T00:00:00Z`));
    csv.forEach((l, i) => {
      const c = l.split(",");
      ws.addRow(
        i === 0 ? ["Customer", "Invoice date", "Due date", "Paid date", "Amount"] : [c[0], day(c[1]), day(c[2]), day(c[3]), Number(c[4])],
      );
    });
    const file = path.join(dir, "ledger.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run([history, "--ledger", file, "--as-of", "2025-06-30", "--stage", "levels", "--out", path.join(dir, "x.json")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("600 labelled (42 defaulted");
  });

  test("refusals: --label with --ledger, --out the ledger, the ledger the history, no --as-of, a bad date, ledger options without --ledger", async () => {
    const out = path.join(dir, "m.json");
    const before = readFileSync(ledger, "utf8");
    const cases: [string[], string][] = [
      [[history, "--ledger", ledger, "--label", "defaulted", "--as-of", "2025-06-30", "--out", out], "not both"],
      [[history, "--ledger", ledger, "--as-of", "2025-06-30", "--out", ledger], "--out must not be the ledger file"],
      [
        [history, "--ledger", ledger, "--as-of", "2025-06-30", "--out", path.join(dir, ".", "..", path.basename(dir), "ledger.csv")],
        "--out must not be the ledger file",
      ],
      [[history, "--ledger", history, "--as-of", "2025-06-30", "--out", out], "--ledger must be another file than the history"],
      [[history, "--ledger", ledger, "--out", out], "--ledger needs --as-of <yyyy-mm-dd>"],
      [[history, "--ledger", ledger, "--as-of", "30.06.2025", "--out", out], '--as-of must be a date yyyy-mm-dd, got "30.06.2025"'],
      [[history, "--ledger", ledger, "--as-of", "2025-06-30", "--data-date", "x", "--out", out], "--data-date must be a date"],
      [[history, "--label", "defaulted", "--as-of", "2025-06-30", "--out", out], "--as-of goes with --ledger <file>"],
      [["--ledger", ledger], "--ledger needs a history file"],
    ];
    for (const [args, msg] of cases) {
      const r = await run(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toContain(msg);
    }
    expect(readFileSync(ledger, "utf8")).toBe(before);
    expect(existsSync(out)).toBe(false);
    const zh = await run([history, "--ledger", ledger, "--as-of", "2025-06-30", "--out", ledger, "--lang", "zh"]);
    expect(zh.err).toBe("calibrate: --out 不能是台账文件（输入文件永远不会被覆盖）");
  });

  test("errors (exit 1): a missing ledger, a history without a customer id column", async () => {
    expect(
      await run([history, "--ledger", path.join(dir, "none.csv"), "--as-of", "2025-06-30", "--out", path.join(dir, "e.json")]),
    ).toMatchObject({
      code: 1,
      err: expect.stringContaining("file not found"),
    });
    const noId = path.join(dir, "noid.csv");
    writeFileSync(noId, readFileSync(history, "utf8").replace(/^Customer ID,/, "Name,"));
    expect(await run([noId, "--ledger", ledger, "--as-of", "2025-06-30", "--out", path.join(dir, "e.json")])).toMatchObject({
      code: 1,
      err: expect.stringContaining("The history has no customer ID column"),
    });
  });

  test("reading errors of the ledger and history files in the CLI's language: a header-only ledger, a wrong format", async () => {
    const headerOnly = path.join(dir, "header-only.csv");
    writeFileSync(headerOnly, "客户编号,发票日期,到期日,付款日期,金额\n");
    const args = (l: string) => [history, "--ledger", l, "--as-of", "2025-06-30", "--out", path.join(dir, "e.json")];
    expect(await run(args(headerOnly))).toMatchObject({
      code: 1,
      err: `calibrate: ${headerOnly}: the invoice ledger needs a header row and at least one data row`,
    });
    expect(await run([...args(headerOnly), "--lang", "zh"])).toMatchObject({
      code: 1,
      err: `calibrate: ${headerOnly}：发票台账需要一行表头和至少一行数据`,
    });
    const txt = path.join(dir, "ledger.txt");
    writeFileSync(txt, "x");
    expect(await run([...args(txt), "--lang", "zh"])).toMatchObject({
      code: 1,
      err: "calibrate: 无法读取的格式“.txt”：请以 .csv 或 .xlsx 文件给出发票台账",
    });
  });
});

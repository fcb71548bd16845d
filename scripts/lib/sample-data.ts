/**
 * The sample data of assets/sample/ (`npm run sample`): deterministic for its
 * seeds, built on the demo portfolio generator (src/engine/synthetic.ts, also
 * the task pane's demo) so the two never drift apart.
 *
 * - "Customers": 400 customers with statements, payment history (average
 *   and longest days late, share of invoices paid late, overdue share: the
 *   engine's PAYBEHAVIOR of the ledger below), payment terms, exposure (the
 *   ledger's open amount at the as-of date) and the current credit limit;
 *   English headers.
 * - "客户": 200 other customers, Chinese headers and names.
 * - "Invoices": the English customers' invoice ledger, a few thousand rows.
 * - "History" (on sheet "Default history"): 1,000 past customers with their
 *   factors and a Defaulted yes/no outcome (108 defaults), for calibration
 *   and `npm run evaluate`.
 *
 * Planted data problems, so the pane and the CLI have something to show: a
 * duplicate customer id and text in a number column in both customer tables,
 * missing statement figures (blanks), customers without payment history,
 * a ledger row with a text date and a ledger id that matches no customer.
 */
import ExcelJS from "exceljs";
import { serialFromIso } from "../../src/engine/dates";
import { isEngineError } from "../../src/engine/errors";
import { openAt, type Invoice } from "../../src/engine/receivables/ledger";
import { payBehavior } from "../../src/engine/receivables/pay-behavior";
import { SAMPLE_AS_OF, SAMPLE_CSV_FILES, SAMPLE_HISTORY_SHEET, SAMPLE_TABLES, demoTables, normal, rng } from "../../src/engine/synthetic";
import { formatCsv } from "../batch/csv";
import { encodeGb18030 } from "./gb18030";

export type SampleCell = string | number | null;

/** One table of the sample: an Excel table of the same name on its own sheet. */
export interface SampleTable {
  name: string;
  /** Sheet the table is on (the table name, except "History", a name Excel reserves for sheets). */
  sheetName: string;
  headers: string[];
  rows: SampleCell[][];
  /** Excel number format per column (null: General). */
  formats: (string | null)[];
  /** Column widths (characters). */
  widths: number[];
}

export interface SampleData {
  customers: SampleTable;
  customersZh: SampleTable;
  ledger: SampleTable;
  history: SampleTable;
}

const SEEDS = { customers: 20261031, customersZh: 20261101, history: 20251031, extras: 7 };
/** Fixed document dates, so the workbook does not change with the day it is generated. */
const DOCUMENT_DATE = new Date(Date.UTC(2026, 9, 31, 8, 0, 0));

const asOfSerial = (): number => {
  const s = serialFromIso(SAMPLE_AS_OF);
  if (isEngineError(s)) throw new Error(s.message);
  return s;
};

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Demo row layout (see DEMO_CUSTOMER_HEADERS). */
const D = {
  id: 0,
  name: 1,
  debt: 2,
  current: 3,
  icr: 4,
  roa: 5,
  growth: 6,
  years: 7,
  industry: 8,
  equity: 9,
  sales: 10,
  terms: 11,
  exposure: 12,
  limit: 13,
  notes: 14,
} as const;

/** A demo portfolio with the sample's customer ids, in the table and in the ledger. */
interface Portfolio {
  /** Demo customer rows (see D). */
  rows: unknown[][];
  /** The sample's id of each row (the demo's duplicate id included). */
  ids: string[];
  /** Ledger rows (id, invoice date, due date, paid date, amount) with the sample's ids. */
  invoices: unknown[][];
}

/**
 * Gives the demo portfolio the sample's ids. The demo's duplicate (row 41
 * carries row 40's id) keeps its invoices under that id, as when one customer
 * was entered twice; the demo's unknown ledger id becomes `unknownId`.
 */
function withIds(
  p: { customers: { rows: unknown[][] }; ledger: { rows: unknown[][] } },
  id: (i: number) => string,
  unknownId: string,
): Portfolio {
  const index = (demoId: unknown) => Number(String(demoId).slice(1)) - 1;
  const ids = p.customers.rows.map((row) => id(index(row[D.id])));
  const invoices = p.ledger.rows.map((r) => {
    const k = index(r[0]);
    return [k < ids.length ? ids[k] : unknownId, ...r.slice(1)];
  });
  return { rows: p.customers.rows, ids, invoices };
}

/** Payment history and open amount per customer id, from the ledger rows (id, invoice, due, paid, amount). */
interface History {
  avg: number | null;
  max: number | null;
  late: number | null;
  overdue: number | null;
  open: number;
}

function digest(invoices: readonly unknown[][], asOf: number): Map<string, History> {
  const by = new Map<string, Invoice[]>();
  invoices.forEach((r, i) => {
    const id = String(r[0]);
    const paid = typeof r[3] === "number" ? r[3] : null;
    const amount = r[4] as number;
    const inv: Invoice = {
      row: i,
      customer: id,
      customerCell: id,
      invoiceDate: r[1] as number,
      dueDate: r[2] as number,
      paidDate: paid,
      amount,
      open: paid === null ? amount : 0,
      disputed: false,
    };
    const list = by.get(id);
    if (list) list.push(inv);
    else by.set(id, [inv]);
  });
  const out = new Map<string, History>();
  for (const [id, list] of by) {
    const b = payBehavior(list, asOf);
    const open = list.reduce((s, inv) => s + (inv.amount > 0 ? openAt(inv, asOf) : 0), 0);
    const or = (x: number | "", d: number) => (x === "" ? null : round(x, d));
    out.set(id, {
      avg: or(b.avg_days_late, 1),
      max: or(b.max_days_late, 0),
      late: or(b.pct_invoices_late, 3),
      overdue: or(b.overdue_share, 3),
      open: round(open, 2),
    });
  }
  return out;
}

/**
 * Customer rows with payment history and exposure from the ledger and a
 * current limit around the exposure (some below it: limit breaches).
 */
function customerRows(p: Portfolio, asOf: number, seed: number, names: (i: number) => string): SampleCell[][] {
  const r = rng(seed);
  const pay = digest(p.invoices, asOf);
  return p.rows.map((row, i) => {
    const h = pay.get(p.ids[i]);
    const exposure = h ? h.open : 0;
    const sales = row[D.sales] as number;
    const terms = row[D.terms] as number;
    const base = Math.max(exposure, ((sales * terms) / 365) * 0.05, 5000);
    const limit = round(base * (0.8 + 1.0 * r()), -3);
    const num = (k: number) => row[k] as SampleCell;
    return [
      p.ids[i],
      names(i),
      num(D.debt),
      num(D.current),
      num(D.icr),
      num(D.roa),
      num(D.growth),
      num(D.years),
      num(D.industry),
      num(D.equity),
      sales,
      h ? h.avg : null,
      h ? h.max : null,
      h ? h.late : null,
      h ? h.overdue : null,
      terms,
      exposure,
      limit,
      null,
    ];
  });
}

const EN_SYL = [
  "Anhe",
  "Beacon",
  "Cedar",
  "Delta",
  "Eastern",
  "Fairway",
  "Global",
  "Harbour",
  "Ironbridge",
  "Jade",
  "Keystone",
  "Lotus",
  "Meridian",
  "Northgate",
  "Orient",
  "Pacific",
  "Quay",
  "Riverside",
  "Summit",
  "Tianhe",
  "Union",
  "Vantage",
  "Westlake",
  "Zhongshan",
];
const EN_KIND = [
  "Trading",
  "Logistics",
  "Foods",
  "Textiles",
  "Metals",
  "Electronics",
  "Chemicals",
  "Packaging",
  "Machinery",
  "Retail",
  "Plastics",
  "Furniture",
];
const EN_FORM = ["Ltd", "Co., Ltd", "GmbH", "Inc.", "S.A.", "B.V.", "Pte. Ltd", "S.p.A."];
const ZH_CITY = [
  "上海",
  "北京",
  "广州",
  "深圳",
  "杭州",
  "苏州",
  "南京",
  "成都",
  "重庆",
  "武汉",
  "天津",
  "宁波",
  "青岛",
  "厦门",
  "东莞",
  "佛山",
  "无锡",
  "长沙",
  "郑州",
  "西安",
];
const ZH_WORD = [
  "华信",
  "恒达",
  "永盛",
  "中泰",
  "宏图",
  "金桥",
  "瑞丰",
  "鼎新",
  "长城",
  "和盛",
  "东方",
  "新锐",
  "嘉禾",
  "安泰",
  "联创",
  "远航",
];
const ZH_TRADE = ["贸易", "物流", "食品", "纺织", "金属制品", "电子", "化工", "包装", "机械", "商贸", "塑料", "家具"];
const ZH_FORM = ["有限公司", "股份有限公司", "实业有限公司"];

function namer(seed: number, parts: (r: () => number) => string): (i: number) => string {
  const r = rng(seed);
  const names: string[] = [];
  return (i) => {
    while (names.length <= i) names.push(parts(r));
    return names[i];
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export const CUSTOMER_HEADERS_EN = [
  "Customer ID",
  "Customer name",
  "Debt ratio",
  "Current ratio",
  "Interest coverage",
  "Return on assets",
  "Sales growth",
  "Years in business",
  "Industry risk",
  "Equity",
  "Sales",
  "Avg days late",
  "Max days late",
  "Invoices late",
  "Overdue share",
  "Payment terms",
  "Exposure",
  "Credit limit",
  "Notes",
];

/** The same columns with the headers a Chinese credit team uses (each recognised by the engine's matcher but 备注). */
export const CUSTOMER_HEADERS_ZH = [
  "客户编号",
  "客户名称",
  "资产负债率",
  "流动比率",
  "利息保障倍数",
  "总资产收益率",
  "营业收入增长率",
  "经营年限",
  "行业风险",
  "净资产",
  "营业收入",
  "平均逾期天数",
  "最长逾期天数",
  "逾期发票比例",
  "逾期占比",
  "账期",
  "应收余额",
  "信用额度",
  "备注",
];

const CUSTOMER_FORMATS = [
  null,
  null,
  "0.000",
  "0.00",
  "0.0",
  "0.0%",
  "0.0%",
  "0",
  "0",
  "#,##0",
  "#,##0",
  "0.0",
  "0",
  "0%",
  "0%",
  "0",
  "#,##0.00",
  "#,##0",
  null,
];
const CUSTOMER_WIDTHS = [12, 30, 11, 11, 11, 11, 11, 11, 10, 14, 14, 11, 11, 11, 11, 10, 14, 13, 24];
/** Column indexes in the sample customer tables. */
const C = { id: 0, name: 1, debt: 2, current: 3, icr: 4, roa: 5, equity: 9, notes: 18 } as const;

function englishCustomers(asOf: number): { table: SampleTable; invoices: unknown[][] } {
  const demo = demoTables({ customers: 400, asOf, seed: SEEDS.customers, invoiceShare: 0.85, invoicesPerCustomer: [6, 14] });
  const p = withIds(demo, (i) => `C${String(i + 1).padStart(5, "0")}`, "C99999");
  const names = namer(SEEDS.customers + 1, (r) => `${pick(r, EN_SYL)} ${pick(r, EN_KIND)} ${pick(r, EN_FORM)}`);
  const rows = customerRows(p, asOf, SEEDS.customers + 2, names);
  const r = rng(SEEDS.extras);
  rows.forEach((row) => {
    if (r() < 0.05) row[C.notes] = "Key account";
  });
  // Planted problems (the demo generator already put "12,5 %" in row 17's debt ratio and row 40's id in row 41).
  rows[6][C.current] = null;
  rows[6][C.icr] = null;
  rows[6][C.notes] = "2025 statements not received yet";
  rows[23][C.equity] = null;
  rows[40][C.notes] = "Same customer as the row above? Check the ERP.";
  return {
    table: {
      name: SAMPLE_TABLES.customers,
      sheetName: SAMPLE_TABLES.customers,
      headers: CUSTOMER_HEADERS_EN,
      rows,
      formats: CUSTOMER_FORMATS,
      widths: CUSTOMER_WIDTHS,
    },
    invoices: p.invoices,
  };
}

function chineseCustomers(asOf: number): SampleTable {
  const demo = demoTables({ customers: 200, asOf, seed: SEEDS.customersZh, invoiceShare: 0.8, invoicesPerCustomer: [4, 10] });
  const p = withIds(demo, (i) => `KH${String(i + 1).padStart(4, "0")}`, "KH9999");
  const names = namer(SEEDS.customersZh + 1, (r) => `${pick(r, ZH_CITY)}${pick(r, ZH_WORD)}${pick(r, ZH_TRADE)}${pick(r, ZH_FORM)}`);
  const rows = customerRows(p, asOf, SEEDS.customersZh + 2, names);
  const r = rng(SEEDS.extras + 1);
  rows.forEach((row) => {
    if (r() < 0.05) row[C.notes] = "重点客户";
  });
  rows[16][C.debt] = "12.5%"; // typed as text (the demo put "12,5 %" there)
  rows[11][C.equity] = null;
  rows[11][C.notes] = "年报未提供";
  return {
    name: SAMPLE_TABLES.customersZh,
    sheetName: SAMPLE_TABLES.customersZh,
    headers: CUSTOMER_HEADERS_ZH,
    rows,
    formats: CUSTOMER_FORMATS,
    widths: CUSTOMER_WIDTHS,
  };
}

export const LEDGER_HEADERS = ["Invoice no.", "Customer ID", "Invoice date", "Due date", "Paid date", "Amount"];

/** The ledger sorted by invoice date, numbered, with the sample's customer ids, one text date and one unknown id. */
function ledger(invoices: readonly unknown[][]): SampleTable {
  const sorted = invoices
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r[1] as number) - (b.r[1] as number) || a.i - b.i)
    .map(({ r }) => r);
  const rows: SampleCell[][] = sorted.map((r, k) => [
    `INV-${String(k + 1).padStart(5, "0")}`,
    r[0] as string,
    r[1] as number,
    r[2] as number,
    r[3] === "" ? null : (r[3] as number),
    r[4] as number,
  ]);
  // A paid date typed as text in a day-first format: the review leaves that invoice out and says so.
  const k = rows.findIndex((row, i) => i > 100 && typeof row[4] === "number");
  rows[k][4] = "31/09/2026";
  return {
    name: SAMPLE_TABLES.ledger,
    sheetName: SAMPLE_TABLES.ledger,
    headers: LEDGER_HEADERS,
    rows,
    formats: [null, null, "yyyy-mm-dd", "yyyy-mm-dd", "yyyy-mm-dd", "#,##0.00"],
    widths: [12, 12, 12, 12, 12, 13],
  };
}

export const HISTORY_HEADERS = [
  "Customer ID",
  "Debt ratio",
  "Current ratio",
  "Interest coverage",
  "Return on assets",
  "Sales growth",
  "Years in business",
  "Industry risk",
  "Avg days late",
  "Max days late",
  "Defaulted",
];

/**
 * 1,000 past customers: the demo generator's factors, payment history and a
 * default within 12 months drawn from the same latent quality (about one in
 * ten defaulted).
 */
function history(asOf: number): SampleTable {
  const p = demoTables({ customers: 1000, asOf, seed: SEEDS.history, invoiceShare: 0 });
  const r = rng(SEEDS.history + 1);
  const rows: SampleCell[][] = p.customers.rows.map((row, i) => {
    const q = p.quality[i];
    const avg = Math.max(0, round(5 - 8 * q + 7 * normal(r), 0));
    const max = avg + Math.round(Math.abs(10 * normal(r)));
    const pd = 1 / (1 + Math.exp(2.7 + 1.5 * q));
    return [
      `H${String(i + 1).padStart(4, "0")}`,
      ...[D.debt, D.current, D.icr, D.roa, D.growth, D.years, D.industry].map((k) => row[k] as SampleCell),
      avg,
      max,
      r() < pd ? "yes" : "no",
    ];
  });
  // The demo's planted problems do not belong in a history: put a real number back and make ids unique.
  rows[16][1] = 0.125;
  return {
    name: SAMPLE_TABLES.history,
    sheetName: SAMPLE_HISTORY_SHEET,
    headers: HISTORY_HEADERS,
    rows,
    formats: [null, "0.000", "0.00", "0.0", "0.0%", "0.0%", "0", "0", "0", "0", null],
    widths: [12, 11, 11, 11, 11, 11, 11, 10, 11, 11, 10],
  };
}

/** Every table of the sample (deterministic). */
export function sampleData(): SampleData {
  const asOf = asOfSerial();
  const en = englishCustomers(asOf);
  return { customers: en.table, customersZh: chineseCustomers(asOf), ledger: ledger(en.invoices), history: history(asOf) };
}

/** The sample workbook: one sheet per table, each an Excel table with number formats and a frozen header row. */
export function sampleWorkbook(data: SampleData = sampleData()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CreditSentinel (npm run sample)";
  wb.lastModifiedBy = "CreditSentinel (npm run sample)";
  wb.created = DOCUMENT_DATE;
  wb.modified = DOCUMENT_DATE;
  wb.title = "CreditSentinel sample data";
  wb.description = `Synthetic customers, invoices and a labelled history for trying CreditSentinel. Review as of ${SAMPLE_AS_OF}. Regenerate with npm run sample.`;
  for (const t of [data.customers, data.customersZh, data.ledger, data.history]) {
    const ws = wb.addWorksheet(t.sheetName, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    ws.addTable({
      name: t.name,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: t.headers.map((h) => ({ name: h, filterButton: true })),
      rows: t.rows,
    });
    t.widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
    t.formats.forEach((f, j) => {
      if (!f) return;
      for (let i = 0; i < t.rows.length; i++) {
        if (typeof t.rows[i][j] === "number") ws.getCell(i + 2, j + 1).numFmt = f;
      }
    });
  }
  return wb;
}

/** A table as CSV text (header row first; blanks empty; numbers as JavaScript writes them). */
export function tableCsv(t: SampleTable): string {
  return formatCsv([t.headers, ...t.rows.map((r) => r.map((v) => (v === null ? "" : v)))]);
}

/** The CSV files: UTF-8 with a byte-order mark (Excel's "CSV UTF-8"), the Chinese table in GB18030. */
export function sampleCsvFiles(data: SampleData = sampleData()): { file: string; bytes: Uint8Array }[] {
  const utf8 = (text: string) => new TextEncoder().encode("\ufeff" + text);
  return [
    { file: SAMPLE_CSV_FILES.customers, bytes: utf8(tableCsv(data.customers)) },
    { file: SAMPLE_CSV_FILES.customersZh, bytes: encodeGb18030(tableCsv(data.customersZh)) },
    { file: SAMPLE_CSV_FILES.history, bytes: utf8(tableCsv(data.history)) },
  ];
}

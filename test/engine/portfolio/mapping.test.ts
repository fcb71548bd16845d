import { isEngineError } from "../../../src/engine/errors";
import {
  ColumnMapping,
  LEDGER_KEYS,
  applyMappingOverrides,
  autoMapColumns,
  checkMapping,
  ledgerSynonymsOf,
  mappingMismatch,
  matchLedgerHeader,
  overridesOf,
  parseStoredMapping,
} from "../../../src/engine/portfolio";

const keys = (m: ColumnMapping) => m.columns.map((c) => c.key);
const codes = (m: ColumnMapping) => checkMapping(m).map((i) => `${i.severity}:${i.code}`);
const CJK = /[\u4e00-\u9fff]/;

describe("autoMapColumns: customer tables", () => {
  test.each([
    [
      ["Customer ID", "Customer name", "Debt ratio", "CURRENT_RATIO", " Exposure ", "Credit limit", "Notes"],
      ["customer_id", "customer_name", "debt_ratio", "current_ratio", "exposure", "credit_limit", null],
    ],
    [
      ["客户编号", "客户名称", "资产负债率", "流动比率", "应收余额", "信用额度", "申请额度", "账期", "备注"],
      ["customer_id", "customer_name", "debt_ratio", "current_ratio", "exposure", "credit_limit", "requested_limit", "terms_days", null],
    ],
    [
      ["ｄｅｂｔ　ｒａｔｉｏ", "平均逾期天数", "Equity", "营业收入", 2026, null],
      ["debt_ratio", "avg_days_late", "equity", "sales", null, null],
    ],
  ])("%j", (headers, expected) => {
    const m = autoMapColumns(headers);
    expect(keys(m)).toEqual(expected);
    expect(m.kind).toBe("customers");
    expect(m.columns.every((c, i) => c.index === i && c.auto)).toBe(true);
  });
  test("header text is trimmed, numbers become text, blanks empty", () => {
    expect(autoMapColumns([" Exposure ", 2026, null]).columns.map((c) => c.header)).toEqual(["Exposure", "2026", ""]);
  });
});

describe("autoMapColumns: invoice ledgers", () => {
  test.each([
    [
      ["客户编号", "发票日期", "到期日", "付款日期", "发票金额", "未结金额", "争议"],
      ["customer_id", "invoice_date", "due_date", "paid_date", "amount", "open_amount", "disputed"],
    ],
    [
      ["Customer", "Invoice Date", "Due date", "Payment date", "Amount", "Open amount", "Disputed", "Invoice no."],
      ["customer_id", "invoice_date", "due_date", "paid_date", "amount", "open_amount", "disputed", null],
    ],
    [
      ["Customer ID", "开票日期", "到期日期", "回款日期", "金额", "余额", "是否争议"],
      ["customer_id", "invoice_date", "due_date", "paid_date", "amount", "open_amount", "disputed"],
    ],
  ])("%j", (headers, expected) => {
    expect(keys(autoMapColumns(headers, "ledger"))).toEqual(expected);
  });
  test("every ledger key matches itself and its synonyms", () => {
    for (const k of LEDGER_KEYS) {
      expect(matchLedgerHeader(k)).toBe(k);
      for (const s of ledgerSynonymsOf(k)) expect(matchLedgerHeader(s)).toBe(k);
    }
    expect(matchLedgerHeader("Debt ratio")).toBeNull();
    expect(matchLedgerHeader(42)).toBeNull();
  });
});

describe("applyMappingOverrides", () => {
  const auto = autoMapColumns(["Customer ID", "Gearing", "Current ratio", "Notes"]);
  test("sets keys by header text, marks them manual, keeps the rest", () => {
    expect(keys(auto)).toEqual(["customer_id", null, "current_ratio", null]);
    const m = applyMappingOverrides(auto, { Gearing: "debt_ratio", "Current ratio": "ignore" });
    if (isEngineError(m)) throw new Error(m.message);
    expect(m.columns).toEqual([
      { index: 0, header: "Customer ID", key: "customer_id", auto: true },
      { index: 1, header: "Gearing", key: "debt_ratio", auto: false },
      { index: 2, header: "Current ratio", key: null, auto: false },
      { index: 3, header: "Notes", key: null, auto: true },
    ]);
    expect(auto.columns[1].key).toBeNull(); // the input is not changed
    // overrides round-trip: re-applying the stored overrides to a fresh auto-mapping gives the same mapping
    expect(overridesOf(m)).toEqual({ Gearing: "debt_ratio", "Current ratio": "ignore" });
    expect(applyMappingOverrides(autoMapColumns(["Customer ID", "Gearing", "Current ratio", "Notes"]), overridesOf(m))).toEqual(m);
  });
  test("unknown headers and keys of the wrong table are refused, in both languages", () => {
    expect(applyMappingOverrides(auto, { Turnover: "sales" })).toEqual({
      kind: "EngineError",
      code: "VALUE",
      message: 'mapping: no column is headed "Turnover".',
    });
    expect(applyMappingOverrides(auto, { Notes: "due_date" }, "zh")).toEqual({
      kind: "EngineError",
      code: "VALUE",
      message: "列映射：“due_date”不是客户表的字段（“Notes”列）。",
    });
    expect(isEngineError(applyMappingOverrides(autoMapColumns(["Amount"], "ledger"), { Amount: "debt_ratio" }))).toBe(true);
  });
});

describe("checkMapping", () => {
  test("a complete customer mapping has no issues", () => {
    expect(checkMapping(autoMapColumns(["Customer ID", "Debt ratio", "Exposure"]))).toEqual([]);
  });
  test("no recognised factor is an error; missing id and exposure are warnings", () => {
    expect(codes(autoMapColumns(["Name", "Notes"]))).toEqual([
      "error:no_factor",
      "warning:missing_customer_id",
      "warning:missing_exposure",
    ]);
  });
  test("two columns mapped to one key is an error naming both columns", () => {
    const issues = checkMapping(autoMapColumns(["Customer ID", "Debt ratio", "资产负债率", "Exposure"]));
    expect(issues).toEqual([
      {
        severity: "error",
        code: "duplicate_key",
        key: "debt_ratio",
        columns: [1, 2],
        message: {
          en: 'Columns "Debt ratio", "资产负债率" all map to debt_ratio: keep one and set the others to "ignore".',
          zh: "“Debt ratio”、“资产负债率”列都映射为 debt_ratio：请保留一列，其余设为“忽略”。",
        },
      },
    ]);
  });
  test("ledger: customer id, invoice date, due date and amount are required", () => {
    expect(checkMapping(autoMapColumns(["Customer", "Invoice date", "Due date", "Amount"], "ledger"))).toEqual([]);
    const m = autoMapColumns(["Invoice date", "Paid date", "Amount", "Amount"], "ledger");
    expect(codes(m)).toEqual(["error:duplicate_key", "error:missing_required", "error:missing_required"]);
    expect(
      checkMapping(m)
        .filter((i) => i.code === "missing_required")
        .map((i) => i.key),
    ).toEqual(["customer_id", "due_date"]);
  });
  test("a ledger key in a customer mapping is an error", () => {
    const m: ColumnMapping = {
      version: 1,
      kind: "customers",
      columns: [
        { index: 0, header: "Debt ratio", key: "debt_ratio", auto: true },
        { index: 1, header: "Due", key: "due_date", auto: false },
      ],
    };
    expect(codes(m)).toContain("error:wrong_kind");
  });
  test("every message exists in English and Chinese", () => {
    const all = [
      ...checkMapping(autoMapColumns(["Debt ratio", "Leverage", "x"])),
      ...checkMapping(autoMapColumns(["x"])),
      ...checkMapping(autoMapColumns(["x"], "ledger")),
    ];
    expect(all.length).toBe(10);
    for (const i of all) {
      expect(i.message.en).not.toMatch(CJK);
      expect(i.message.en.length).toBeGreaterThan(20);
      expect(i.message.zh).toMatch(CJK);
    }
  });
});

describe("stored mappings", () => {
  test("JSON round trip", () => {
    const m = applyMappingOverrides(autoMapColumns(["客户编号", "Leverage", "Notes"]), { Leverage: "debt_ratio" });
    if (isEngineError(m)) throw new Error(m.message);
    expect(parseStoredMapping(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });
  test.each([
    [null, "stored mapping: expected an object."],
    [{ version: 2, kind: "customers", columns: [] }, "stored mapping: unsupported version 2."],
    [{ version: 1, kind: "vendors", columns: [] }, 'stored mapping: unknown kind "vendors".'],
    [
      { version: 1, kind: "customers", columns: [{ index: 0, header: "X", key: "bogus", auto: true }] },
      'stored mapping: column "X" has an unknown key "bogus".',
    ],
    [
      { version: 1, kind: "ledger", columns: [{ index: 1, header: "X", key: null, auto: true }] },
      "stored mapping: column 1 has index 1, expected 0.",
    ],
  ])("refuses %j", (json, message) => {
    expect(parseStoredMapping(json)).toEqual({ kind: "EngineError", code: "VALUE", message });
  });
  test("mappingMismatch names the first changed column", () => {
    const m = autoMapColumns(["A", "B"]);
    expect(mappingMismatch(m, ["A", "B"])).toBeNull();
    expect(mappingMismatch(m, ["A", "C"])?.message).toBe(
      'mapping: column 2 is headed "C" but the mapping expects "B"; map the columns again.',
    );
    expect(mappingMismatch(m, ["A"], "zh")?.message).toBe("列映射：表格有 1 列，但映射描述的是 2 列；请重新映射。");
  });
});

/**
 * Column mappings of the portfolio review: which column of the user's
 * customer table (or invoice ledger) holds which canonical key.
 *
 * - Customer tables use the one header matcher of the engine (`matchHeader`):
 *   factor keys plus customer_id, customer_name, exposure, credit_limit,
 *   requested_limit and terms_days.
 * - Invoice ledgers use the small table of `LEDGER_KEYS` below (English and
 *   Chinese synonyms, matched like `matchHeader`: case-, space-, punctuation-
 *   and width-insensitive, whole labels only); customer_id also accepts the
 *   customer-table synonyms ("Customer ID", "客户编号", …).
 *
 * A mapping is plain JSON (the task pane stores it in the workbook): read a
 * stored one back with `parseStoredMapping`, which checks it instead of
 * trusting it.
 */
import { EngineError, Result, valueError } from "../errors";
import { Lang } from "../lang";
import { HEADER_KEYS, HeaderKey, matchHeader, normaliseLabel } from "../scoring/headers";
import { isFactorKey } from "../scoring/factors";
import { SheetPlace, headerLocation } from "./place";

/** Which kind of table a mapping describes. */
export type MappingKind = "customers" | "ledger";

/** Canonical columns of an invoice ledger (one invoice per row). */
export const LEDGER_KEYS = ["customer_id", "invoice_date", "due_date", "paid_date", "amount", "open_amount", "disputed"] as const;
export type LedgerKey = (typeof LEDGER_KEYS)[number];

/** Ledger columns without which no ledger review is possible. */
export const REQUIRED_LEDGER_KEYS: readonly LedgerKey[] = ["customer_id", "invoice_date", "due_date", "amount"];

/** Any key a mapped column may carry. */
export type MappingKey = HeaderKey | LedgerKey;

/** One column of a mapped table. */
export interface MappedColumn {
  /** 0-based column index in the table. */
  index: number;
  /** The header text as shown (trimmed; numbers as text; "" when blank). */
  header: string;
  /** Canonical key, or null when the column is not used. */
  key: MappingKey | null;
  /** True when `key` came from the automatic matcher, false when the user chose it (or chose "ignore"). */
  auto: boolean;
}

/** A serialisable column mapping. */
export interface ColumnMapping {
  version: 1;
  kind: MappingKind;
  columns: MappedColumn[];
}

/** User corrections by header text: a key, or "ignore" to leave the column out. */
export type MappingOverrides = Record<string, MappingKey | "ignore">;

/** A problem of a mapping; errors block the review, warnings do not. */
export interface MappingIssue {
  severity: "error" | "warning";
  code: "no_factor" | "duplicate_key" | "missing_customer_id" | "missing_exposure" | "missing_required" | "wrong_kind";
  /** The key concerned, when there is one. */
  key?: MappingKey;
  /** Column indexes concerned. */
  columns?: number[];
  message: Record<Lang, string>;
}

/** Labels of the ledger keys for messages and the task pane. */
export const LEDGER_KEY_LABELS: Record<LedgerKey, Record<Lang, string>> = {
  customer_id: { en: "Customer ID", zh: "客户编号" },
  invoice_date: { en: "Invoice date", zh: "发票日期" },
  due_date: { en: "Due date", zh: "到期日" },
  paid_date: { en: "Paid date", zh: "付款日期" },
  amount: { en: "Amount", zh: "金额" },
  open_amount: { en: "Open amount", zh: "未结金额" },
  disputed: { en: "Disputed", zh: "争议" },
};

/** Ledger synonyms (the key itself is always accepted). Checked before the customer-table matcher. */
const LEDGER_SYNONYMS: Record<LedgerKey, readonly string[]> = {
  customer_id: ["customer", "debtor", "debtor id", "debtor number", "buyer", "buyer id", "客户", "客户号", "客户编码"],
  invoice_date: [
    "invoice date",
    "inv date",
    "document date",
    "bill date",
    "billing date",
    "date",
    "发票日期",
    "开票日期",
    "单据日期",
    "日期",
  ],
  due_date: ["due date", "due", "payment due date", "net due date", "due on", "到期日", "到期日期", "付款到期日", "应收日期"],
  paid_date: [
    "paid date",
    "payment date",
    "date paid",
    "paid on",
    "clearing date",
    "cleared date",
    "settlement date",
    "付款日期",
    "收款日期",
    "回款日期",
    "实际付款日期",
  ],
  amount: [
    "amount",
    "invoice amount",
    "gross amount",
    "invoice total",
    "total",
    "value",
    "金额",
    "发票金额",
    "开票金额",
    "含税金额",
    "价税合计",
  ],
  open_amount: [
    "open amount",
    "amount open",
    "outstanding",
    "outstanding amount",
    "open balance",
    "balance",
    "remaining",
    "remaining amount",
    "未结金额",
    "未收金额",
    "未付金额",
    "未结余额",
    "余额",
  ],
  disputed: ["dispute", "in dispute", "dispute flag", "disputed flag", "争议", "是否争议", "有争议", "争议发票"],
};

const LEDGER_TABLE: Map<string, LedgerKey> = (() => {
  const m = new Map<string, LedgerKey>();
  for (const key of LEDGER_KEYS) {
    for (const label of [key, ...LEDGER_SYNONYMS[key]]) {
      const n = normaliseLabel(label);
      const prior = m.get(n);
      if (prior !== undefined && prior !== key) throw new Error(`ledger synonym "${label}" is claimed by ${prior} and ${key}`);
      m.set(n, key);
    }
  }
  return m;
})();

/**
 * Maps a ledger column label to its ledger key, or null.
 * @example matchLedgerHeader("发票日期") === "invoice_date"; matchLedgerHeader("Customer ID") === "customer_id"
 */
export function matchLedgerHeader(label: unknown): LedgerKey | null {
  if (typeof label !== "string") return null;
  const hit = LEDGER_TABLE.get(normaliseLabel(label));
  if (hit) return hit;
  return matchHeader(label) === "customer_id" ? "customer_id" : null;
}

/** The synonyms a ledger key accepts besides itself. */
export function ledgerSynonymsOf(key: LedgerKey): readonly string[] {
  return LEDGER_SYNONYMS[key];
}

/** Header cell → display text. */
export function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  return String(cell);
}

const CUSTOMER_KEYS = new Set<string>(HEADER_KEYS);
const LEDGER_KEY_SET = new Set<string>(LEDGER_KEYS);

/** True when `key` is a valid column key for a table of `kind`. */
export function isKeyOfKind(key: unknown, kind: MappingKind): key is MappingKey {
  return typeof key === "string" && (kind === "customers" ? CUSTOMER_KEYS : LEDGER_KEY_SET).has(key);
}

/**
 * Maps every header to a key automatically (customer table: `matchHeader`;
 * ledger: `matchLedgerHeader`). Unrecognised columns get key null. Two columns
 * may receive the same key: `checkMapping` reports it.
 * @example autoMapColumns(["Customer ID", "资产负债率", "Notes"]).columns.map(c => c.key) // ["customer_id", "debt_ratio", null]
 */
export function autoMapColumns(headers: readonly unknown[], kind: MappingKind = "customers"): ColumnMapping {
  const columns: MappedColumn[] = [];
  for (let i = 0; i < headers.length; i++) {
    const header = headerText(headers[i]);
    const key = kind === "customers" ? matchHeader(header) : matchLedgerHeader(header);
    columns.push({ index: i, header, key, auto: true });
  }
  return { version: 1, kind, columns };
}

/**
 * Applies the user's corrections by header text (trimmed, exact): the key, or
 * "ignore". Columns not named keep their mapping. Returns a new mapping, or an
 * error when an override names a header that is not in the table or a key
 * that does not belong to this kind of table.
 * @example applyMappingOverrides(autoMapColumns(["Leverage", "Notes"]), { Notes: "ignore", Leverage: "debt_ratio" })
 */
export function applyMappingOverrides(mapping: ColumnMapping, overrides: MappingOverrides, lang: Lang = "en"): Result<ColumnMapping> {
  const byHeader = new Map<string, MappingKey | "ignore">();
  for (const [h, key] of Object.entries(overrides)) {
    const text = h.trim();
    if (!mapping.columns.some((c) => c.header === text)) {
      return valueError(lang === "zh" ? `列映射：没有表头为“${text}”的列。` : `mapping: no column is headed "${text}".`);
    }
    if (key !== "ignore" && !isKeyOfKind(key, mapping.kind)) {
      const table = mapping.kind === "customers" ? { en: "customer-table", zh: "客户表" } : { en: "ledger", zh: "发票台账" };
      return valueError(
        lang === "zh"
          ? `列映射：“${String(key)}”不是${table.zh}的字段（“${text}”列）。`
          : `mapping: "${String(key)}" is not a ${table.en} column key (column "${text}").`,
      );
    }
    byHeader.set(text, key);
  }
  const columns = mapping.columns.map((c): MappedColumn => {
    const o = byHeader.get(c.header);
    if (o === undefined) return { ...c };
    return { index: c.index, header: c.header, key: o === "ignore" ? null : o, auto: false };
  });
  return { version: 1, kind: mapping.kind, columns };
}

/**
 * The user's corrections of a mapping (columns with auto = false), as overrides
 * that `applyMappingOverrides` accepts: store these and re-apply them after
 * `autoMapColumns` when the table changes.
 */
export function overridesOf(mapping: ColumnMapping): MappingOverrides {
  const out: MappingOverrides = {};
  for (const c of mapping.columns) if (!c.auto) out[c.header] = c.key ?? "ignore";
  return out;
}

function colList(mapping: ColumnMapping, idx: readonly number[]): string {
  return idx.map((i) => `"${mapping.columns[i].header}"`).join(", ");
}

function colListZh(mapping: ColumnMapping, idx: readonly number[]): string {
  return idx.map((i) => `“${mapping.columns[i].header}”`).join("、");
}

/**
 * Checks a mapping. Customer table: error when no factor column is recognised
 * or two columns map to one key; warning when customer_id is missing (rows are
 * then identified by row number and no ledger can be joined) or exposure is
 * missing (no exposure, expected-loss or breach figures unless a ledger gives
 * open amounts). Ledger: error when customer_id, invoice_date, due_date or
 * amount is missing or two columns map to one key. Errors come first.
 */
export function checkMapping(mapping: ColumnMapping, kind: MappingKind = mapping.kind): MappingIssue[] {
  const errors: MappingIssue[] = [];
  const warnings: MappingIssue[] = [];
  const seen = new Map<MappingKey, number[]>();
  for (let i = 0; i < mapping.columns.length; i++) {
    const key = mapping.columns[i].key;
    if (key === null) continue;
    if (!isKeyOfKind(key, kind)) {
      errors.push({
        severity: "error",
        code: "wrong_kind",
        key,
        columns: [i],
        message: {
          en: `Column "${mapping.columns[i].header}" is mapped to ${key}, which does not belong in ${kind === "customers" ? "a customer table" : "an invoice ledger"}.`,
          zh: `“${mapping.columns[i].header}”列被映射为 ${key}，该字段不属于${kind === "customers" ? "客户表" : "发票台账"}。`,
        },
      });
      continue;
    }
    const list = seen.get(key);
    if (list) list.push(i);
    else seen.set(key, [i]);
  }
  for (const [key, idx] of seen) {
    if (idx.length < 2) continue;
    errors.push({
      severity: "error",
      code: "duplicate_key",
      key,
      columns: idx,
      message: {
        en: `Columns ${colList(mapping, idx)} all map to ${key}: keep one and set the others to "ignore".`,
        zh: `${colListZh(mapping, idx)}列都映射为 ${key}：请保留一列，其余设为“忽略”。`,
      },
    });
  }
  if (kind === "customers") {
    const anyFactor = [...seen.keys()].some((k) => isFactorKey(k));
    if (!anyFactor) {
      errors.push({
        severity: "error",
        code: "no_factor",
        message: {
          en: "No column is a recognised scoring factor (e.g. Debt ratio, Current ratio, Average days late). Rename the headers or map the columns by hand.",
          zh: "没有识别出任何评分因子列（如资产负债率、流动比率、平均逾期天数）。请修改表头或手动映射列。",
        },
      });
    }
    if (!seen.has("customer_id")) {
      warnings.push({
        severity: "warning",
        code: "missing_customer_id",
        key: "customer_id",
        message: {
          en: "No customer ID column: customers are identified by row number, duplicates cannot be detected and no invoice ledger can be joined.",
          zh: "没有客户编号列：客户将按行号识别，无法检测重复客户，也无法关联发票台账。",
        },
      });
    }
    if (!seen.has("exposure")) {
      warnings.push({
        severity: "warning",
        code: "missing_exposure",
        key: "exposure",
        message: {
          en: "No exposure (open receivables) column: exposure, expected loss and limit breaches are only available from a joined ledger's open amounts.",
          zh: "没有风险敞口（应收余额）列：敞口、预期损失和超额度情况只能由关联的发票台账未结金额得出。",
        },
      });
    }
  } else {
    for (const key of REQUIRED_LEDGER_KEYS) {
      if (seen.has(key)) continue;
      const label = LEDGER_KEY_LABELS[key];
      errors.push({
        severity: "error",
        code: "missing_required",
        key,
        message: {
          en: `The ledger needs a "${label.en}" column (${key}); map one.`,
          zh: `发票台账需要“${label.zh}”列（${key}），请映射该列。`,
        },
      });
    }
  }
  return [...errors, ...warnings];
}

/** The first error issue of a mapping as an EngineError in `lang`, or null. */
export function mappingError(mapping: ColumnMapping, lang: Lang, kind: MappingKind = mapping.kind): EngineError | null {
  const first = checkMapping(mapping, kind).find((i) => i.severity === "error");
  return first ? valueError(first.message[lang]) : null;
}

/**
 * Reads a mapping stored in the workbook (parsed JSON): checks its shape, kind
 * and keys instead of trusting it.
 */
export function parseStoredMapping(json: unknown): Result<ColumnMapping> {
  if (typeof json !== "object" || json === null) return valueError("stored mapping: expected an object.");
  const m = json as Partial<ColumnMapping>;
  if (m.version !== 1) return valueError(`stored mapping: unsupported version ${JSON.stringify(m.version)}.`);
  if (m.kind !== "customers" && m.kind !== "ledger") return valueError(`stored mapping: unknown kind ${JSON.stringify(m.kind)}.`);
  if (!Array.isArray(m.columns)) return valueError("stored mapping: columns must be a list.");
  const columns: MappedColumn[] = [];
  for (let i = 0; i < m.columns.length; i++) {
    const c = m.columns[i] as Partial<MappedColumn> | null;
    if (typeof c !== "object" || c === null) return valueError(`stored mapping: column ${i + 1} is not an object.`);
    if (c.index !== i) return valueError(`stored mapping: column ${i + 1} has index ${JSON.stringify(c.index)}, expected ${i}.`);
    if (typeof c.header !== "string") return valueError(`stored mapping: column ${i + 1} has no header text.`);
    if (c.key !== null && !isKeyOfKind(c.key, m.kind))
      return valueError(`stored mapping: column "${c.header}" has an unknown key ${JSON.stringify(c.key)}.`);
    if (typeof c.auto !== "boolean") return valueError(`stored mapping: column "${c.header}" has no auto flag.`);
    columns.push({ index: i, header: c.header, key: c.key ?? null, auto: c.auto });
  }
  return { version: 1, kind: m.kind, columns };
}

/**
 * Checks that a mapping still fits a table's header row (the pane stores
 * mappings, and tables change): same number of columns and the same header
 * text in each. Returns an error naming the first difference (with its header
 * cell on the sheet when `place` is given), or null.
 */
export function mappingMismatch(
  mapping: ColumnMapping,
  headers: readonly unknown[],
  lang: Lang = "en",
  place?: SheetPlace | null,
): EngineError | null {
  if (headers.length !== mapping.columns.length) {
    return valueError(
      lang === "zh"
        ? `列映射：表格有 ${headers.length} 列，但映射描述的是 ${mapping.columns.length} 列；请重新映射。`
        : `mapping: the table has ${headers.length} columns but the mapping describes ${mapping.columns.length}; map the columns again.`,
    );
  }
  for (let i = 0; i < headers.length; i++) {
    const t = headerText(headers[i]);
    if (t !== mapping.columns[i].header) {
      const cell = place ? headerLocation(place, i).address : "";
      return valueError(
        lang === "zh"
          ? `列映射：第 ${i + 1} 列${cell ? `（${cell}）` : ""}的表头是“${t}”，但映射期望“${mapping.columns[i].header}”；请重新映射。`
          : `mapping: column ${i + 1}${cell ? ` (${cell})` : ""} is headed "${t}" but the mapping expects "${mapping.columns[i].header}"; map the columns again.`,
      );
    }
  }
  return null;
}

/** Index of the column mapped to `key`, or -1 (the first one when several are). */
export function columnOf(mapping: ColumnMapping, key: MappingKey): number {
  const c = mapping.columns.find((col) => col.key === key);
  return c ? c.index : -1;
}

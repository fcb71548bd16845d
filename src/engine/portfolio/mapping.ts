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
import { Message, inEachLang, message } from "../messages";
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
  /** The issue as a catalogue message (not enumerable: an issue compares and serialises as before). */
  readonly msg: Message;
  /** Its text in each language (rendered from `msg`). */
  message: Record<Lang, string>;
}

function issue({ msg, ...i }: Omit<MappingIssue, "message">): MappingIssue {
  const out = { ...i, message: inEachLang(msg) } as MappingIssue;
  Object.defineProperty(out, "msg", { value: msg, enumerable: false });
  return out;
}

/** Labels of the ledger keys for messages and the task pane. */
export const LEDGER_KEY_LABELS = Object.fromEntries(
  LEDGER_KEYS.map((key) => [key, inEachLang(message("ledgerKey.label", { key }))]),
) as Record<LedgerKey, Record<Lang, string>>;

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
      return valueError(message("mapping.noHeader", { header: text }), lang);
    }
    if (key !== "ignore" && !isKeyOfKind(key, mapping.kind)) {
      return valueError(message("mapping.notKeyOf", { key: String(key), ledger: mapping.kind !== "customers", header: text }), lang);
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
      errors.push(
        issue({
          severity: "error",
          code: "wrong_kind",
          key,
          columns: [i],
          msg: message("mapping.wrongKind", { header: mapping.columns[i].header, key, ledger: kind !== "customers" }),
        }),
      );
      continue;
    }
    const list = seen.get(key);
    if (list) list.push(i);
    else seen.set(key, [i]);
  }
  for (const [key, idx] of seen) {
    if (idx.length < 2) continue;
    errors.push(
      issue({
        severity: "error",
        code: "duplicate_key",
        key,
        columns: idx,
        msg: message("mapping.duplicate", { headers: idx.map((i) => mapping.columns[i].header), key }),
      }),
    );
  }
  if (kind === "customers") {
    const anyFactor = [...seen.keys()].some((k) => isFactorKey(k));
    if (!anyFactor) {
      errors.push(issue({ severity: "error", code: "no_factor", msg: message("mapping.noFactor") }));
    }
    if (!seen.has("customer_id")) {
      warnings.push(issue({ severity: "warning", code: "missing_customer_id", key: "customer_id", msg: message("mapping.noCustomerId") }));
    }
    if (!seen.has("exposure")) {
      warnings.push(issue({ severity: "warning", code: "missing_exposure", key: "exposure", msg: message("mapping.noExposure") }));
    }
  } else {
    for (const key of REQUIRED_LEDGER_KEYS) {
      if (seen.has(key)) continue;
      const label = message("ledgerKey.label", { key });
      errors.push(issue({ severity: "error", code: "missing_required", key, msg: message("mapping.missingLedgerKey", { label, key }) }));
    }
  }
  return [...errors, ...warnings];
}

/** The first error issue of a mapping as an EngineError in `lang`, or null. */
export function mappingError(mapping: ColumnMapping, lang: Lang, kind: MappingKind = mapping.kind): EngineError | null {
  const first = checkMapping(mapping, kind).find((i) => i.severity === "error");
  return first ? valueError(first.msg, lang) : null;
}

/**
 * Reads a mapping stored in the workbook (parsed JSON): checks its shape, kind
 * and keys instead of trusting it.
 */
export function parseStoredMapping(json: unknown): Result<ColumnMapping> {
  if (typeof json !== "object" || json === null) return valueError(message("mapping.stored.notObject"));
  const m = json as Partial<ColumnMapping>;
  if (m.version !== 1) return valueError(message("mapping.stored.version", { version: JSON.stringify(m.version) }));
  if (m.kind !== "customers" && m.kind !== "ledger") return valueError(message("mapping.stored.kind", { value: JSON.stringify(m.kind) }));
  if (!Array.isArray(m.columns)) return valueError(message("mapping.stored.columns"));
  const columns: MappedColumn[] = [];
  for (let i = 0; i < m.columns.length; i++) {
    const c = m.columns[i] as Partial<MappedColumn> | null;
    if (typeof c !== "object" || c === null) return valueError(message("mapping.stored.columnNotObject", { column: i + 1 }));
    if (c.index !== i) return valueError(message("mapping.stored.index", { column: i + 1, index: JSON.stringify(c.index), expected: i }));
    if (typeof c.header !== "string") return valueError(message("mapping.stored.header", { column: i + 1 }));
    if (c.key !== null && !isKeyOfKind(c.key, m.kind))
      return valueError(message("mapping.stored.key", { header: c.header, key: JSON.stringify(c.key) }));
    if (typeof c.auto !== "boolean") return valueError(message("mapping.stored.auto", { header: c.header }));
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
    return valueError(message("mapping.columnCount", { columns: headers.length, mapped: mapping.columns.length }), lang);
  }
  for (let i = 0; i < headers.length; i++) {
    const t = headerText(headers[i]);
    if (t !== mapping.columns[i].header) {
      const cell = place ? headerLocation(place, i).address : "";
      return valueError(message("mapping.headerChanged", { column: i + 1, cell, header: t, expected: mapping.columns[i].header }), lang);
    }
  }
  return null;
}

/** Index of the column mapped to `key`, or -1 (the first one when several are). */
export function columnOf(mapping: ColumnMapping, key: MappingKey): number {
  const c = mapping.columns.find((col) => col.key === key);
  return c ? c.index : -1;
}

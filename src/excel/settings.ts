/**
 * Workbook-scoped state of CreditSentinel in `workbook.settings` (ExcelApi 1.4).
 *
 * Settings travel with the file, are NOT encrypted, and hosts fail somewhere
 * around 1–2 MB per document, so every value here is kept small: a value
 * whose JSON exceeds MAX_SETTING_BYTES (1 MB) is refused with
 * SettingTooLargeError before anything is sent. Each value is stored as the
 * JSON text of `{ "v": version, "data": value }`; a reader asks for the
 * version it understands and gets null for a missing, unreadable or
 * other-version value (then it rebuilds the state).
 */
import { utf8Length } from "./payload";

/** Prefix of every key CreditSentinel writes. */
export const SETTINGS_PREFIX = "CreditSentinel.";

/** The keys CreditSentinel uses. */
export const SETTING_KEYS = {
  /** Column mapping (header → engine key) of one table or region, by an id the pane chooses (table name, or sheet!address). */
  mapping: (tableId: string) => `${SETTINGS_PREFIX}mapping.${tableId}`,
  /** The credit policy the user saved in this workbook. */
  policy: `${SETTINGS_PREFIX}policy`,
  /** Blocks of cells the add-in wrote (see write-columns.ts). */
  ownedBlocks: `${SETTINGS_PREFIX}ownedBlocks`,
  /** The sheet the add-in created for the risk report (see report-sheet.ts). */
  reportSheet: `${SETTINGS_PREFIX}reportSheet`,
  /** The undo record of the last write: where its backups are (see undo.ts). */
  undo: `${SETTINGS_PREFIX}undo`,
} as const;

/** Largest JSON (UTF-8 bytes) of one stored value. */
export const MAX_SETTING_BYTES = 1_000_000;

/** Thrown by setSetting when a value is over MAX_SETTING_BYTES. */
export class SettingTooLargeError extends Error {
  constructor(
    readonly key: string,
    readonly bytes: number,
  ) {
    super(`setting "${key}" is ${bytes} bytes of JSON; workbook settings hold at most ${MAX_SETTING_BYTES} bytes per value`);
    this.name = "SettingTooLargeError";
  }
}

interface Envelope {
  v: number;
  data: unknown;
}

/** The stored text of `value` at `version`; throws SettingTooLargeError above 1 MB. */
export function encodeSetting(key: string, value: unknown, version: number): string {
  const text = JSON.stringify({ v: version, data: value } satisfies Envelope);
  const bytes = utf8Length(text);
  if (bytes > MAX_SETTING_BYTES) throw new SettingTooLargeError(key, bytes);
  return text;
}

/** Decodes a stored value: `{ version, value }`, or null when it is not ours. */
export function decodeSetting(stored: unknown): { version: number; value: unknown } | null {
  let env: unknown = stored;
  if (typeof stored === "string") {
    try {
      env = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  if (env === null || typeof env !== "object" || typeof (env as Envelope).v !== "number" || !("data" in env)) return null;
  return { version: (env as Envelope).v, value: (env as Envelope).data };
}

/** Reads a setting with its version; null when missing or unreadable. */
export async function readSetting(ctx: Excel.RequestContext, key: string): Promise<{ version: number; value: unknown } | null> {
  const item = ctx.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  await ctx.sync();
  if (item.isNullObject) return null;
  return decodeSetting(item.value);
}

/**
 * Reads the setting `key` stored at `version`.
 * @returns the value, or null when missing, unreadable or stored at another version.
 * @example const owned = await getSetting<OwnedBlock[]>(ctx, SETTING_KEYS.ownedBlocks, 1) ?? [];
 */
export async function getSetting<T>(ctx: Excel.RequestContext, key: string, version: number): Promise<T | null> {
  const s = await readSetting(ctx, key);
  return s !== null && s.version === version ? (s.value as T) : null;
}

/**
 * Queues the write of a setting without syncing (to batch it with other
 * writes). Throws SettingTooLargeError above 1 MB of JSON.
 */
export function queueSetSetting(ctx: Excel.RequestContext, key: string, value: unknown, version: number): void {
  ctx.workbook.settings.add(key, encodeSetting(key, value, version));
}

/** Stores `value` at `version` under `key` and syncs. Throws SettingTooLargeError above 1 MB of JSON. */
export async function setSetting(ctx: Excel.RequestContext, key: string, value: unknown, version: number): Promise<void> {
  queueSetSetting(ctx, key, value, version);
  await ctx.sync();
}

/** Removes a setting (no error when it does not exist). */
export async function deleteSetting(ctx: Excel.RequestContext, key: string): Promise<void> {
  const item = ctx.workbook.settings.getItemOrNullObject(key);
  await ctx.sync();
  if (item.isNullObject) return;
  item.delete();
  await ctx.sync();
}

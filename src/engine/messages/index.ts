/**
 * The one message catalogue of CreditSentinel: formula errors, pane data problems and CLI messages are
 * `Message` values (an id and arguments) rendered here in English or Chinese. The CLI's entries (cli.en.ts,
 * cli.zh.ts) join the catalogue when a script imports `./cli` (`registerMessages`), so the add-in's bundles,
 * which never import it, do not carry them.
 *
 *   const m = message("cell.notNumber", { arg: "net_worth", value: cellArg("1,234") });
 *   renderMessage(m, "zh") // → 'net_worth：需要数字，但得到的是文本“1,234”。'
 */
import type { Lang } from "../lang";
import { EN, MessageId } from "./en";
import { ZH } from "./zh";
import type { CellArg, Entry, Message, MessageArg, Wording } from "./types";
import type { CliMessageId } from "./cli.en";
import { describeCell, isCellArg, rawCell } from "./describe";

export { clipText, describeCell } from "./describe";

export type { CellArg, Entry, Message, MessageArg, Wording } from "./types";
export type { MessageId } from "./en";
export type { CliMessageId } from "./cli.en";
export { ONE_LANGUAGE_ARGS } from "./review.en";

/** Any id a message may have: the add-in's, and the CLI's once registered. */
export type AnyMessageId = MessageId | CliMessageId;

const CATALOGUES: Record<Lang, Record<string, Entry>> = { en: { ...EN }, zh: { ...ZH } };

/** A message value. */
export function message(id: AnyMessageId, args: Readonly<Record<string, MessageArg>> = {}): Message {
  return { kind: "message", id, args };
}

/** A cell value to quote in a message, described in the reader's language when rendered. */
export function cellArg(value: unknown): CellArg {
  return { kind: "cell", value };
}

export function isMessage(x: unknown): x is Message {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "message";
}

function wording(lang: Lang): Wording {
  const w: Wording = {
    lang,
    msg: (m) => text(m, w),
    cell: (v) => describeCell(isCellArg(v) ? v.value : v, lang),
    list: (items) => {
      if (!Array.isArray(items)) return text(items as MessageArg, w);
      const parts = items.map((i) => (typeof i === "string" && lang === "en" ? `"${i}"` : typeof i === "string" ? `“${i}”` : text(i, w)));
      return lang === "zh" ? parts.join("、") : parts.join(", ");
    },
    raw: rawCell,
  };
  return w;
}

function text(arg: MessageArg, w: Wording): string {
  if (arg === null || arg === undefined) return "";
  if (isMessage(arg)) return renderWith(arg, w);
  if (isCellArg(arg)) return w.cell(arg.value);
  if (Array.isArray(arg)) return w.list(arg);
  return String(arg);
}

function renderWith(m: Message, w: Wording): string {
  const entry = CATALOGUES[w.lang][m.id];
  if (!entry) return `[${m.id}]`;
  // Nested messages reach the entry as text in its language (an argument name such as "receivables (opening AR)").
  let args = m.args;
  for (const key in m.args) {
    if (isMessage(m.args[key])) {
      if (args === m.args) args = { ...m.args };
      (args as Record<string, MessageArg>)[key] = renderWith(m.args[key] as Message, w);
    }
  }
  return entry(args, w);
}

/** A message's text in `lang`. */
export function renderMessage(m: Message, lang: Lang): string {
  return renderWith(m, wording(lang));
}

/** A message's text in both languages (for values the pane shows in its own language, such as mapping issues). */
export function inEachLang(m: Message): Record<Lang, string> {
  return { en: renderMessage(m, "en"), zh: renderMessage(m, "zh") };
}

const IDS: AnyMessageId[] = Object.keys(EN) as MessageId[];

/** Every message id of the catalogue, registered areas included (for the parity test and documentation). */
export const MESSAGE_IDS: readonly AnyMessageId[] = IDS;

/** The catalogue entries of a language, by id (tests read both to compare their arguments). */
export function catalogue(lang: Lang): Readonly<Record<AnyMessageId, Entry>> {
  return CATALOGUES[lang] as Record<AnyMessageId, Entry>;
}

/**
 * Adds an area's entries to the catalogue (the CLI's, from ./cli): the same ids in both languages, none
 * already taken. Registering the same area again changes nothing.
 */
export function registerMessages<Id extends string>(en: Record<Id, Entry>, zh: Record<Id, Entry>): void {
  for (const id of Object.keys(en) as Id[]) {
    if (CATALOGUES.en[id] === en[id]) continue;
    if (CATALOGUES.en[id] || !zh[id]) throw new Error(`message catalogue: ${id} is taken or has no Chinese entry`);
    CATALOGUES.en[id] = en[id];
    CATALOGUES.zh[id] = zh[id];
    IDS.push(id as unknown as AnyMessageId);
  }
}

/**
 * The parts of an .xlsx package the CLI reads or changes, parsed with the
 * maintained `saxes` XML parser: cell references, the workbook (sheets and
 * defined names), relationships and the shared-strings table. Every other part
 * of the package is copied untouched by the caller.
 */
import { SaxParser, SaxTag, saxParser } from "./sax";
import { posix } from "node:path";
import { columnLetters, quoteSheet } from "../../src/engine/a1";
import type { Lang } from "../../src/engine/lang";
import { Message, isMessage, renderMessage } from "../../src/engine/messages/cli";
import type { Readable } from "node:stream";

// ---------------------------------------------------------------- references

/** "A" for 0, "Z" for 25, "AA" for 26 … "XFD" for 16383: the engine's one rule (src/engine/a1.ts). */
export const columnName = columnLetters;

/** 0 for "A"; -1 when not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C18" → { col: 2, row: 18 } (row 1-based, column 0-based); null when not a cell reference. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  // Hand-rolled for speed (called for every cell of a sheet): [$]letters[$]digits.
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  let letters = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    letters++;
  }
  if (letters === 0 || letters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const first = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i === first) return null;
  return { col: col - 1, row };
}

/** Excel's maximum number of columns (A…XFD). */
export const MAX_COLUMNS = 16384;

/** A sheet name quoted, with ' doubled (valid in any reference; used in the defined name this CLI writes). */
export function alwaysQuotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name as a person reads it in a message (`Customers`, `'Q3 book'`): the engine's rule. */
export const sheetLabel = quoteSheet;

// ---------------------------------------------------------------- XML helpers

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  if (!/[&<>"_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") // a literal "_x000D_" must not read back as a carriage return
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Undoes Excel's _xHHHH_ escapes in cell text. */
export function unescapeOoxml(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

/** Local name of a possibly prefixed XML name ("x:row" → "row"). */
export function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** The prefix of a possibly prefixed name, with its colon ("x:row" → "x:"), or "". */
export function prefixOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i + 1);
}

function attr(tag: SaxTag, name: string): string | undefined {
  for (const [k, v] of Object.entries(tag.attributes)) if (local(k) === name) return v as string;
  return undefined;
}

/**
 * Thrown for a part that is not well-formed XML: names the part. What is wrong is a catalogue message
 * (worded in the user's language by `detailIn`), or the XML parser's own English text.
 */
export class PartError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string | Message,
  ) {
    super(`${part}: ${isMessage(detail) ? renderMessage(detail, "en") : detail}`);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds when compiled to ES5 (ts-jest)
  }

  /** What is wrong with the part, in `lang`. */
  detailIn(lang: Lang): string {
    return isMessage(this.detail) ? renderMessage(this.detail, lang) : this.detail;
  }
}

function parser(part: string): SaxParser {
  const p = saxParser();
  p.on("error", (e) => {
    throw new PartError(part, e.message);
  });
  return p;
}

// ---------------------------------------------------------------- relationships

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const p = parser(part);
  p.on("opentag", (t) => {
    if (local(t.name) !== "Relationship") return;
    const id = attr(t, "Id") ?? "";
    rels.set(id, { id, type: attr(t, "Type") ?? "", target: attr(t, "Target") ?? "", external: attr(t, "TargetMode") === "External" });
  });
  p.write(xml).close();
  return rels;
}

/** The part a relationship of `fromPart` points to ("worksheets/sheet1.xml" from "xl/workbook.xml" → "xl/worksheets/sheet1.xml"). */
export function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), target));
}

/** The relationships part of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

export const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
export const REL_WORKSHEET = /\/worksheet$/;
export const REL_SHARED_STRINGS = /\/sharedStrings$/;

// ---------------------------------------------------------------- workbook

export interface SheetEntry {
  name: string;
  /** Position in the workbook's <sheets> (the localSheetId of sheet-scoped names). */
  index: number;
  relId: string;
  state: string;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  text: string;
  /** Character range of the whole element in the workbook XML. */
  start: number;
  end: number;
}

export interface WorkbookXml {
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  /** Prefix of the workbook's elements ("" or e.g. "x:"). */
  prefix: string;
  /** Where <definedNames> content ends (before its closing tag), or null when the element is absent. */
  definedNamesEnd: number | null;
  /** Where a new <definedNames> element goes when absent (schema order: after sheets, functionGroups, externalReferences). */
  definedNamesInsertAt: number;
}

// Elements that follow <definedNames> in CT_Workbook, in schema order.
const AFTER_DEFINED_NAMES = new Set([
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
]);

export function parseWorkbook(xml: string, part: string): WorkbookXml {
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let prefix = "";
  let depth = 0;
  let definedNamesEnd: number | null = null;
  let insertAt = -1;
  let current: { name: string; localSheetId: number | null; text: string; start: number } | null = null;
  const p = parser(part);
  p.on("opentag", (t) => {
    depth++;
    const name = local(t.name);
    if (depth === 1) prefix = prefixOf(t.name);
    if (depth !== 2 && !(depth === 3 && name === "sheet") && !(depth === 3 && name === "definedName")) return;
    if (depth === 2 && AFTER_DEFINED_NAMES.has(name) && insertAt < 0) insertAt = xml.lastIndexOf("<", p.position - 1);
    if (name === "sheet") {
      sheets.push({ name: attr(t, "name") ?? "", index: sheets.length, relId: attr(t, "id") ?? "", state: attr(t, "state") ?? "visible" });
    } else if (name === "definedName") {
      const id = attr(t, "localSheetId");
      current = {
        name: attr(t, "name") ?? "",
        localSheetId: id === undefined ? null : Number(id),
        text: "",
        start: xml.lastIndexOf("<", p.position - 1),
      };
      if (t.isSelfClosing) {
        definedNames.push({ ...current, end: p.position });
        current = null;
      }
    }
  });
  p.on("text", (text) => {
    if (current) current.text += text;
  });
  p.on("closetag", (t) => {
    const name = local(t.name);
    if (depth === 3 && name === "definedName" && current) {
      definedNames.push({ ...current, end: p.position });
      current = null;
    }
    if (depth === 2 && name === "definedNames" && !t.isSelfClosing) definedNamesEnd = xml.lastIndexOf("<", p.position - 1);
    if (depth === 2 && name === "definedNames" && t.isSelfClosing) {
      // <definedNames/>: treat like absent, but insert in its place
      insertAt = xml.lastIndexOf("<", p.position - 1);
    }
    if (depth === 1 && insertAt < 0) insertAt = xml.lastIndexOf("<", p.position - 1);
    depth--;
  });
  p.write(xml).close();
  return { sheets, definedNames, prefix, definedNamesEnd, definedNamesInsertAt: insertAt };
}

/**
 * Returns the workbook XML with the sheet-scoped, hidden defined name `name`
 * set to `formula` (replacing an earlier one of the same name and sheet).
 * Everything else in the XML is kept character for character.
 */
export function setDefinedName(xml: string, wb: WorkbookXml, name: string, localSheetId: number, formula: string): string {
  const el = `<${wb.prefix}definedName name="${escapeXml(name)}" localSheetId="${localSheetId}" hidden="1">${escapeXml(formula)}</${wb.prefix}definedName>`;
  const prior = wb.definedNames.find((d) => d.name.toLowerCase() === name.toLowerCase() && d.localSheetId === localSheetId);
  if (prior) return xml.slice(0, prior.start) + el + xml.slice(prior.end);
  if (wb.definedNamesEnd !== null) return xml.slice(0, wb.definedNamesEnd) + el + xml.slice(wb.definedNamesEnd);
  const at = wb.definedNamesInsertAt;
  // A self-closing <definedNames/> at `at` is replaced by a full element.
  const selfClosing = new RegExp(`^<${wb.prefix}definedNames\\s*/>`).exec(xml.slice(at));
  const tail = selfClosing ? xml.slice(at + selfClosing[0].length) : xml.slice(at);
  return xml.slice(0, at) + `<${wb.prefix}definedNames>${el}</${wb.prefix}definedNames>` + tail;
}

/** Parses "'Sheet name'!$H$1:$O$1" (or Sheet!$H$1:$O$1). Null when it is not a one-sheet range. */
export function parseRangeFormula(
  formula: string,
): { sheet: string; from: { col: number; row: number }; to: { col: number; row: number } } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(formula.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const from = parseCellRef(m[3]);
  const to = parseCellRef(m[4] ?? m[3]);
  if (!from || !to) return null;
  return { sheet, from, to };
}

// ---------------------------------------------------------------- shared strings

/**
 * The shared-strings table, stored compactly: the UTF-8 bytes of all strings
 * in 4 MB blocks plus 12 bytes of index per string, instead of one JavaScript
 * string object each (which costs several times more for a million names).
 */
export class SharedStrings {
  private static readonly BLOCK = 4 << 20;
  private blocks: Buffer[] = [];
  private used = 0;
  private blockOf = new Uint32Array(1024);
  private startOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  count = 0;

  add(text: string): void {
    const bytes = Buffer.byteLength(text, "utf8");
    if (this.blocks.length === 0 || this.used + bytes > this.blocks[this.blocks.length - 1].length) {
      this.blocks.push(Buffer.allocUnsafe(Math.max(SharedStrings.BLOCK, bytes)));
      this.used = 0;
    }
    const block = this.blocks[this.blocks.length - 1];
    block.write(text, this.used, "utf8");
    if (this.count === this.blockOf.length) this.grow();
    this.blockOf[this.count] = this.blocks.length - 1;
    this.startOf[this.count] = this.used;
    this.lengthOf[this.count] = bytes;
    this.used += bytes;
    this.count++;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const s = this.startOf[i];
    return this.blocks[this.blockOf[i]].toString("utf8", s, s + this.lengthOf[i]);
  }

  private grow(): void {
    const n = this.blockOf.length * 2;
    for (const key of ["blockOf", "startOf", "lengthOf"] as const) {
      const a = new Uint32Array(n);
      a.set(this[key]);
      this[key] = a;
    }
  }
}

/** Reads a shared-strings part (streaming). Rich-text runs are joined; phonetic runs (rPh) are left out. */
export async function readSharedStrings(stream: Readable, part: string): Promise<SharedStrings> {
  const table = new SharedStrings();
  const p = parser(part);
  let inSi = false;
  let inT = false;
  let inPh = 0;
  let text = "";
  p.on("opentag", (t) => {
    const n = local(t.name);
    if (n === "si") {
      inSi = true;
      text = "";
      if (t.isSelfClosing) {
        table.add("");
        inSi = false;
      }
    } else if (n === "rPh") inPh++;
    else if (n === "t" && inSi && !inPh) inT = !t.isSelfClosing;
  });
  p.on("text", (s) => {
    if (inT) text += s;
  });
  p.on("closetag", (t) => {
    const n = local(t.name);
    if (n === "t") inT = false;
    else if (n === "rPh") inPh--;
    else if (n === "si" && inSi) {
      table.add(unescapeOoxml(text));
      inSi = false;
    }
  });
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream) p.write(decoder.decode(chunk as Buffer, { stream: true }));
  p.write(decoder.decode());
  p.close();
  return table;
}

/**
 * Add-in state too large for workbook settings (undo backups, fingerprints),
 * kept in the workbook as custom XML parts (ExcelApi 1.5) of the namespace
 * STORE_NAMESPACE. A value is stored as its JSON text, XML-escaped, cut into
 * parts of at most `partBytes` (default 3.5 MB of UTF-8, under Excel on the
 * web's 5 MB per request and per response); the caller keeps the part ids
 * (in a small settings value) and reads the parts back in that order.
 *
 * Parts travel with the file and are invisible in Excel's UI. They are not
 * encrypted (like settings). Parts no longer referenced are deleted by
 * `deleteUnreferencedParts` after every write.
 */
import { TARGET_BLOCK_BYTES, jsonBytes } from "./payload";

/** Namespace of every part the add-in writes. */
export const STORE_NAMESPACE = "urn:creditsentinel:store:1";

export interface StoreOptions {
  /** Largest part in UTF-8 bytes of escaped text (default 3.5 MB); tests lower it. */
  partBytes?: number;
  /** Largest request or response of one sync (default 3.5 MB). */
  targetBytes?: number;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\ufffe": "\\ufffe", "\uffff": "\\uffff" };

/** & < > as entities; U+FFFE/U+FFFF (which XML forbids) as JSON escapes. */
function escapeText(s: string): string {
  return s.replace(/[&<>\ufffe\uffff]/g, (c) => ESCAPES[c]);
}

/** Bytes one UTF-16 code unit adds once escaped and carried in a JSON string (a surrogate pair: 4 for both). */
function unitBytes(code: number): number {
  if (code < 0x80) return code === 0x26 ? 5 : code === 0x3c || code === 0x3e ? 4 : code === 0x22 || code === 0x5c ? 2 : 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  return code === 0xfffe || code === 0xffff ? 7 : 3;
}

/** An escaped piece of JSON text and its size as it travels. */
export interface Piece {
  text: string;
  bytes: number;
}

/**
 * Cuts the JSON text into XML-escaped pieces of at most `maxBytes` bytes
 * each as they travel (UTF-8 inside a JSON string, where " and \ take two
 * bytes), never inside a surrogate pair or an entity. JSON.stringify already
 * escapes control characters and lone surrogates, and U+FFFE/U+FFFF can only
 * occur inside JSON strings, where their \u escape means the same.
 */
export function escapedPieces(json: string, maxBytes: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < json.length;
    const n = pair ? 4 : unitBytes(code);
    if (bytes + n > maxBytes && i > start) {
      pieces.push({ text: escapeText(json.slice(start, i)), bytes });
      start = i;
      bytes = 0;
    }
    bytes += n;
    if (pair) i++;
  }
  if (start < json.length || pieces.length === 0) pieces.push({ text: escapeText(json.slice(start)), bytes });
  return pieces;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The XML of one part. */
export function partXml(key: string, seq: number, of: number, escapedText: string): string {
  return `<cs xmlns="${STORE_NAMESPACE}" key="${escapeAttr(key)}" seq="${seq}" of="${of}">${escapedText}</cs>`;
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/**
 * The text content of a part's XML as a host returns it (an XML declaration,
 * other quoting or entity forms are fine); null when it is not a part of ours.
 */
export function partText(xml: string): string | null {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^?]*\?>\s*)?/, "");
  const open = /^<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(body);
  if (!open || !open[0].includes(STORE_NAMESPACE)) return null;
  if (open[2] === "/") return "";
  const close = body.lastIndexOf(`</${open[1]}`);
  if (close < open[0].length) return null;
  let inner = body.slice(open[0].length, close);
  // A host might wrap the text in CDATA sections.
  inner = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
  return unescapeXml(inner);
}

/**
 * Stores `value` as JSON in new parts (one sync per `targetBytes` of parts)
 * and returns their ids, in order.
 */
export async function saveJson(ctx: Excel.RequestContext, key: string, value: unknown, opts: StoreOptions = {}): Promise<string[]> {
  const partBytes = opts.partBytes ?? TARGET_BLOCK_BYTES;
  const target = Math.max(partBytes, opts.targetBytes ?? TARGET_BLOCK_BYTES);
  const pieces = escapedPieces(JSON.stringify(value), partBytes);
  const ids: string[] = [];
  let batch: Excel.CustomXmlPart[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    batch.forEach((p) => p.load("id"));
    await ctx.sync();
    ids.push(...batch.map((p) => p.id));
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < pieces.length; i++) {
    const xml = partXml(key, i, pieces.length, pieces[i].text);
    const n = pieces[i].bytes + jsonBytes(partXml(key, i, pieces.length, ""));
    if (bytes + n > target) await flush();
    batch.push(ctx.workbook.customXmlParts.add(xml));
    bytes += n;
  }
  await flush();
  return ids;
}

/**
 * Reads the JSON stored in parts `ids` (in order), a few parts per sync.
 * Returns null when a part is missing or the text is not valid JSON (the
 * caller then treats the state as lost, never as something else).
 */
export async function loadJson<T = unknown>(ctx: Excel.RequestContext, ids: readonly string[], opts: StoreOptions = {}): Promise<T | null> {
  if (ids.length === 0) return null;
  const partBytes = opts.partBytes ?? TARGET_BLOCK_BYTES;
  const perSync = Math.max(1, Math.floor((opts.targetBytes ?? TARGET_BLOCK_BYTES) / partBytes));
  const texts: string[] = [];
  for (let i = 0; i < ids.length; i += perSync) {
    const parts = ids.slice(i, i + perSync).map((id) => ctx.workbook.customXmlParts.getItemOrNullObject(id));
    // getXml on a null object would fail the whole batch: check existence first.
    await ctx.sync();
    if (parts.some((p) => p.isNullObject)) return null;
    const xmls = parts.map((p) => p.getXml());
    await ctx.sync();
    for (const x of xmls) {
      const t = partText(x.value);
      if (t === null) return null;
      texts.push(t);
    }
  }
  try {
    return JSON.parse(texts.join("")) as T;
  } catch {
    return null;
  }
}

/**
 * Queues the load of the add-in's parts; after the sync, the returned
 * function queues the deletion of every one whose id is not in `keep`
 * (the caller syncs) and returns how many.
 */
export function queueListParts(ctx: Excel.RequestContext): (keep: ReadonlySet<string>) => number {
  const parts = ctx.workbook.customXmlParts.getByNamespace(STORE_NAMESPACE);
  parts.load("items/id");
  return (keep) => {
    let n = 0;
    for (const p of parts.items) {
      if (!keep.has(p.id)) {
        p.delete();
        n++;
      }
    }
    return n;
  };
}

/**
 * Text encodings of the CSV files users really have.
 *
 * - A byte-order mark decides: UTF-8, UTF-16 LE, UTF-16 BE.
 * - Without one, the whole file is checked for valid UTF-8 (fast, native
 *   `isUtf8`, streaming). Valid → UTF-8.
 * - Not valid UTF-8: Chinese Excel saves "CSV" as GB18030/GBK. The bytes
 *   around the first non-UTF-8 byte are checked for the shape of GB18030
 *   Chinese text (double-byte characters whose both bytes are ≥ 0xA1). If they
 *   have it the file is read as GB18030; if not (e.g. a Western European
 *   Windows-1252 file, whose accented letters stand alone between ASCII
 *   letters) the run stops and the message asks for `--encoding`: text is never
 *   guessed into garbage.
 * - Decoding is strict (`fatal`): a byte sequence that is invalid in the chosen
 *   encoding stops the run with its offset, never becomes "�" silently.
 *
 * Any label Node's TextDecoder knows can be given with `--encoding`
 * (utf-8, utf-16le, utf-16be, gb18030, gbk, big5, shift_jis, windows-1252, …).
 */
import { isUtf8 } from "node:buffer";
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { Transform, TransformCallback } from "node:stream";

export interface Encoding {
  /** TextDecoder label. */
  label: string;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** How it was chosen. */
  how: "bom" | "detected" | "given";
}

export type EncodingProblem =
  | { kind: "unknown-encoding"; label: string }
  | { kind: "utf16-no-bom"; offset: number }
  | { kind: "not-utf8"; offset: number; byte: number }
  | { kind: "utf32" };

/** Canonical name of a TextDecoder label, or null when Node does not know it. */
export function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function bomOf(head: Buffer): { label: string; length: number } | "utf32" | null {
  if (
    head.length >= 4 &&
    ((head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) ||
      (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff))
  )
    return "utf32";
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: "utf-8", length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { label: "utf-16le", length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { label: "utf-16be", length: 2 };
  return null;
}

/** Length of an incomplete UTF-8 sequence at the end of `buf` (0–3 bytes), to carry into the next chunk. */
function incompleteTail(buf: Buffer): number {
  const n = buf.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = buf[n - k];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/** Offset of the first byte that makes the file invalid UTF-8, or -1 when it is valid throughout. */
export async function firstInvalidUtf8(path: string, start = 0): Promise<number> {
  let carry = Buffer.alloc(0);
  let offset = start; // file offset of carry[0]
  for await (const chunk of createReadStream(path, { start, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(buf);
    const body = buf.subarray(0, buf.length - tail);
    if (!isUtf8(body)) return offset + locateInvalid(body);
    offset += body.length;
    carry = Buffer.from(buf.subarray(buf.length - tail));
  }
  return carry.length ? offset : -1;
}

function locateInvalid(body: Buffer): number {
  // Decoding replaces each invalid sequence with U+FFFD: the first byte that differs is the first invalid one.
  const again = Buffer.from(body.toString("utf8"), "utf8");
  let i = 0;
  while (i < body.length && body[i] === again[i]) i++;
  return i;
}

/**
 * True when `bytes` read as GB18030 look like Chinese text: every non-ASCII
 * sequence is well formed and most double-byte characters have both bytes
 * ≥ 0xA1 (GB2312's Hanzi and punctuation rows). Windows-1252 text fails
 * this: its accented letters stand alone, followed by ASCII letters.
 */
export function looksLikeGb18030(bytes: Uint8Array): boolean {
  let hanzi = 0;
  let other = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return false;
    if (i + 1 >= bytes.length) break; // cut at the sample's end
    const t = bytes[i + 1];
    if (t >= 0x30 && t <= 0x39) {
      // four-byte GB18030 sequence
      if (i + 3 >= bytes.length) break;
      if (bytes[i + 2] < 0x81 || bytes[i + 2] > 0xfe || bytes[i + 3] < 0x30 || bytes[i + 3] > 0x39) return false;
      other++;
      i += 4;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) return false;
    if (b >= 0xa1 && t >= 0xa1) hanzi++;
    else other++;
    i += 2;
  }
  return hanzi > 0 && hanzi >= 3 * other;
}

/**
 * Chooses the encoding of `path`: a byte-order mark, else `given`, else UTF-8
 * when valid, else GB18030 when the bytes look like it. Returns a problem
 * when no encoding can be chosen safely.
 */
export async function detectEncoding(path: string, given?: string): Promise<Encoding | EncodingProblem> {
  const head = readHead(path, 65536);
  const bom = bomOf(head);
  if (given !== undefined) {
    const name = encodingName(given);
    if (!name) return { kind: "unknown-encoding", label: given };
    const skip = bom && bom !== "utf32" && bom.label === name ? bom.length : 0;
    return { label: name, bomLength: skip, how: "given" };
  }
  if (bom === "utf32") return { kind: "utf32" };
  if (bom) return { label: bom.label, bomLength: bom.length, how: "bom" };
  const bad = await firstInvalidUtf8(path);
  if (bad < 0) return { label: "utf-8", bomLength: 0, how: "detected" };
  // Many NUL bytes: UTF-16 without its byte-order mark.
  const nul = head.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (head.length > 0 && nul * 4 >= head.length) return { kind: "utf16-no-bom", offset: bad };
  const from = Math.max(0, bad - 4096);
  const window = readWindow(path, from, 65536);
  // Start right after a byte below 0x40 (never the second byte of a character), so no character is cut in half.
  let s = bad - from;
  while (s > 0 && window[s - 1] >= 0x40) s--;
  if (looksLikeGb18030(window.subarray(s))) return { label: "gb18030", bomLength: 0, how: "detected" };
  return { kind: "not-utf8", offset: bad, byte: window[bad - from] ?? 0 };
}

function readWindow(path: string, from: number, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, from);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Error thrown while decoding: the byte offset (approximate to the chunk) where the decoder failed. */
export class DecodeError extends Error {
  constructor(
    readonly encoding: string,
    readonly offset: number,
  ) {
    super(`invalid ${encoding} at byte ${offset}`);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds when compiled to ES5 (ts-jest)
  }
}

/** A strict streaming decoder: bytes in, strings out. */
export function decoderStream(encoding: string, startOffset = 0): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let offset = startOffset;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        cb(null, text.length ? text : undefined);
      } catch {
        cb(new DecodeError(encoding, offset));
      }
    },
    flush(cb: TransformCallback) {
      try {
        const text = decoder.decode();
        cb(null, text.length ? text : undefined);
      } catch {
        cb(new DecodeError(encoding, offset));
      }
    },
  });
}

/** The first `bytes` of a file (after `skip`), decoded leniently: for sniffing delimiters. */
export function sampleText(path: string, encoding: string, skip: number, bytes = 65536): string {
  const buf = readWindow(path, skip, bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(buf, { stream: true });
}

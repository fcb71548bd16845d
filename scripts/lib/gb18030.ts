/**
 * Encoding text as GB18030 (what Excel in Chinese writes for "CSV (comma
 * delimited)"), for the sample files and tests. Node decodes GB18030 natively
 * (`TextDecoder("gb18030")`) but only encodes UTF-8, so the two-byte table is
 * built once by decoding every two-byte code; ASCII is written as is. Covers
 * the GBK repertoire (every common Chinese character and punctuation); a
 * character outside it is an error, never a silent "?".
 */

let table: Map<string, [number, number]> | null = null;

function twoByteTable(): Map<string, [number, number]> {
  if (table) return table;
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const m = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (ch.length === 1 && !m.has(ch)) m.set(ch, [lead, trail]);
    }
  }
  table = m;
  return m;
}

/** The GB18030 bytes of `text`. Throws on a character outside ASCII and GBK. */
export function encodeGb18030(text: string): Uint8Array {
  const t = twoByteTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const pair = t.get(ch);
    if (!pair)
      throw new RangeError(`cannot encode U+${c.toString(16).toUpperCase().padStart(4, "0")} (${ch}) in the two-byte part of GB18030`);
    out.push(pair[0], pair[1]);
  }
  return Uint8Array.from(out);
}

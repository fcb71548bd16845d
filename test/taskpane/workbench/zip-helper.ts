/**
 * Test helper: rewrites an .xlsx (zip) with every part stored uncompressed,
 * optionally with extra parts or edited parts, to plant features (a chart, a
 * macro, sparklines) that exceljs cannot create.
 */
import { inflateRawSync } from "zlib";
import { zipEntries } from "../../../src/taskpane/workbench/zip-parts";

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The parts of a zip: name → bytes. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const e of zipEntries(bytes) ?? []) {
    const local = e.offset;
    const start = local + 30 + (bytes[local + 26] | (bytes[local + 27] << 8)) + (bytes[local + 28] | (bytes[local + 29] << 8));
    const data = bytes.subarray(start, start + e.compressedSize);
    out.set(e.name, e.method === 8 ? new Uint8Array(inflateRawSync(data)) : data.slice());
  }
  return out;
}

/** A zip of `parts`, all stored. */
export function writeZip(parts: Map<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const n = new TextEncoder().encode(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    chunks.push(local, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** `bytes` with parts added or replaced (text parts as UTF-8). */
export function withParts(
  bytes: Uint8Array,
  extra: Record<string, string | Uint8Array>,
  edit?: (name: string, text: string) => string,
): Uint8Array {
  const parts = readZip(bytes);
  if (edit)
    for (const [name, data] of parts)
      if (name.endsWith(".xml")) parts.set(name, new TextEncoder().encode(edit(name, new TextDecoder().decode(data))));
  for (const [name, v] of Object.entries(extra)) parts.set(name, typeof v === "string" ? new TextEncoder().encode(v) : v);
  return writeZip(parts);
}

#!/usr/bin/env node
// Draws the CreditSentinel mark (a shield with a check mark) and writes
// assets/icon-{16,32,64,80,128}.png plus assets/logo-filled.png (300 px).
// Dependency-free: shapes are evaluated analytically with 4×4 supersampling
// and encoded as RGBA PNG with node's zlib. Deterministic: re-running gives
// byte-identical files.
//
//   node scripts/make-icons.mjs [outDir]   (default: assets/)

import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "usage: npm run icons -- [outDir]   (default: assets/)";
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
} catch (e) {
  console.error(`icons: ${e.message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(`${USAGE}\n\nDraws the CreditSentinel icons (16, 32, 64, 80, 128 px and the 300 px logo) deterministically.`);
  process.exit(0);
}
if (parsed.positionals.length > 1) {
  console.error(`icons: one output folder, got ${parsed.positionals.length}\n${USAGE}`);
  process.exit(2);
}
const outDir = resolve(parsed.positionals[0] ?? join(root, "assets"));

/** Brand colours: a deep teal shield, lighter at the top, with a white check. */
const TOP = [0x16, 0x8a, 0x86]; // #168A86
const BOTTOM = [0x0b, 0x4f, 0x5c]; // #0B4F5C
const RIM = [0x07, 0x36, 0x40]; // #073640
const CHECK = [0xff, 0xff, 0xff];

/** Half width of the shield at height y (unit square, y grows downwards); 0 outside. */
function shieldHalfWidth(y) {
  const top = 0.08;
  const shoulder = 0.5; // straight sides down to here, then a pointed curve
  const tip = 0.94;
  const w = 0.37;
  if (y < top || y > tip) return 0;
  if (y <= shoulder) {
    // small rounded corners at the top
    const r = 0.06;
    if (y < top + r) {
      const dy = top + r - y;
      return w - r + Math.sqrt(Math.max(0, r * r - dy * dy));
    }
    return w;
  }
  const t = (y - shoulder) / (tip - shoulder);
  return w * Math.pow(1 - Math.pow(t, 1.7), 0.8);
}

/** The top edge dips slightly in the middle (a classic heater-shield notch). */
function insideShield(x, y, inset = 0) {
  const dip = 0.03 * Math.cos(Math.PI * (x - 0.5) * 2.2);
  if (y < 0.08 + inset + Math.max(0, dip)) return false;
  return Math.abs(x - 0.5) <= shieldHalfWidth(y) - inset;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return Math.sqrt(cx * cx + cy * cy);
}

/** Check mark: two thick strokes; thicker at small sizes so it stays legible. */
function insideCheck(x, y, size) {
  const half = size <= 16 ? 0.075 : size <= 32 ? 0.065 : 0.055;
  const a = distToSegment(x, y, 0.31, 0.5, 0.45, 0.64);
  const b = distToSegment(x, y, 0.45, 0.64, 0.7, 0.36);
  return Math.min(a, b) <= half;
}

/** Colour of one sub-sample, or null when transparent. */
function sample(x, y, size) {
  if (!insideShield(x, y)) return null;
  const rim = size <= 16 ? 0 : 0.035;
  if (rim > 0 && !insideShield(x, y, rim)) return RIM;
  if (insideCheck(x, y, size)) return CHECK;
  const t = Math.min(1, Math.max(0, (y - 0.08) / 0.86));
  return TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * t));
}

/** Renders the mark into an RGBA buffer (premultiplied averaging, straight alpha out). */
function render(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const c = sample((i + (si + 0.5) / ss) / size, (j + (sj + 0.5) / ss) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (j * size + i) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGBA buffer as a PNG (8-bit RGBA, no interlace, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
const targets = [16, 32, 64, 80, 128].map((s) => [s, `icon-${s}.png`]).concat([[300, "logo-filled.png"]]);
for (const [size, name] of targets) {
  const file = join(outDir, name);
  const png = encodePng(size, render(size));
  writeFileSync(file, png);
  console.log(`${name.padEnd(16)} ${size}×${size}  ${png.length} bytes`);
}

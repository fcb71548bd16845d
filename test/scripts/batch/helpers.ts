/** Helpers for the `npm run score` tests: run the CLI in-process and capture what it prints. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hooks, main } from "../../../scripts/score";

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `npm run score -- ...argv` with a fixed "today". */
export async function score(argv: string[], hooks: Hooks = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, "2026-11-22", { log: (s) => out.push(s), error: (s) => err.push(s) }, hooks);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const made: string[] = [];
/** A new temporary folder, removed by `removeTempDirs` (each test file calls it in afterAll). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Temporary files left in `dir` by an unfinished write. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".tmp"));
}

let gbk: Map<string, number[]> | null = null;
/**
 * Encodes text as GBK/GB18030 the way Chinese Excel saves a CSV. Node has no
 * GBK encoder, so the table is built from its decoder (every double-byte code).
 */
export function encodeGbk(text: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const d = new TextDecoder("gbk");
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = d.decode(Uint8Array.from([a, b]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbk.has(ch)) gbk.set(ch, [a, b]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbk.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** UTF-16 with a byte-order mark, little or big endian. */
export function encodeUtf16(text: string, endian: "le" | "be"): Buffer {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  if (endian === "le") return le;
  const be = Buffer.from(le);
  be.swap16();
  return be;
}

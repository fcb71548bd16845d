/**
 * Zip archives (an .xlsx is one) through the maintained `yauzl` (read) and
 * `yazl` (write) packages, streaming: one entry is read or written at a time,
 * never the whole archive in memory.
 */
import { Readable } from "node:stream";
import type { Writable } from "node:stream";
import * as yauzl from "yauzl";
import * as yazl from "yazl";

export interface ZipIn {
  file: yauzl.ZipFile;
  entries: yauzl.Entry[];
}

/** Opens an archive and lists its entries (from the central directory). */
export function openZip(path: string): Promise<ZipIn> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, file) => {
      if (err || !file) return reject(err ?? new Error("cannot open zip"));
      const entries: yauzl.Entry[] = [];
      file.on("entry", (e: yauzl.Entry) => {
        entries.push(e);
        file.readEntry();
      });
      file.on("end", () => resolve({ file, entries }));
      file.on("error", reject);
      file.readEntry();
    });
  });
}

/** Why an entry cannot be copied (its data cannot be read here), or null. */
export function unreadable(entry: yauzl.Entry): string | null {
  if (entry.isEncrypted()) return "encrypted";
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return `compression method ${entry.compressionMethod}`;
  return null;
}

export function entryStream(zip: ZipIn, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.file.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error("no stream")) : resolve(stream)));
  });
}

export async function entryBuffer(zip: ZipIn, entry: yauzl.Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await entryStream(zip, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function entryText(zip: ZipIn, entry: yauzl.Entry): Promise<string> {
  return (await entryBuffer(zip, entry)).toString("utf8");
}

export function closeZip(zip: ZipIn): void {
  zip.file.close();
}

/** What to write for one entry of the output archive. */
export type ZipOutEntry =
  | { name: string; directory: true; mtime: Date }
  | { name: string; mtime: Date; compress: boolean; data: Buffer }
  | { name: string; mtime: Date; compress: boolean; stream: () => Promise<Readable> };

/**
 * Writes an archive of `entries` (in that order) to `out`. Resolves when the
 * archive is complete; rejects on the first error of any entry's stream.
 * `out` is not ended (the caller owns it).
 */
export function writeZip(entries: readonly ZipOutEntry[], out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      zip.outputStream.unpipe(out);
      reject(e);
    };
    zip.on("error", fail);
    zip.outputStream.on("error", fail);
    out.on("error", fail);
    for (const e of entries) {
      if ("directory" in e) zip.addEmptyDirectory(e.name, { mtime: e.mtime });
      else if ("data" in e) zip.addBuffer(e.data, e.name, { mtime: e.mtime, compress: e.compress });
      else
        zip.addReadStreamLazy(e.name, { mtime: e.mtime, compress: e.compress }, (cb) => {
          e.stream().then(
            (s) => {
              s.on("error", fail);
              cb(null, s);
            },
            (err) => fail(err),
          );
        });
    }
    zip.outputStream.pipe(out, { end: false });
    zip.outputStream.on("end", () => {
      if (!failed) resolve();
    });
    zip.end();
  });
}

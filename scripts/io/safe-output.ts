/**
 * Writing an output file without ever destroying one.
 *
 * - `checkOutput` refuses an output path that names the input file, however it
 *   is spelled: `./x`, `../dir/x`, a symbolic link to it, a hard link to it
 *   (same device and inode), or a name that differs from it only in letter case
 *   or Unicode normalisation (the same file on Windows and macOS). It refuses an
 *   existing output unless `force` is set, and a folder that does not exist.
 * - `writeAtomic` writes into a temporary file in the output's own folder,
 *   flushes it to disk (fsync) and only then moves it into place: without
 *   `force` by a hard link that fails if the name was taken meanwhile (no
 *   clobbering, even in a race), with `force` by a rename, which replaces the
 *   old file in one step. A failure or an interruption (SIGINT, SIGTERM,
 *   SIGHUP) removes the temporary file; the output name then either does not
 *   exist or still holds its previous contents, never a half-written file.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants as fsConstants,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  write as fsWrite,
  type Stats,
} from "node:fs";
import { Writable } from "node:stream";
import { basename, dirname, join, resolve } from "node:path";

/** Why an output path was refused. */
export type OutputProblem =
  | { kind: "same-file"; input: string; out: string; how: "path" | "link" | "case" }
  | { kind: "exists"; out: string }
  | { kind: "is-folder"; out: string }
  | { kind: "no-folder"; out: string; folder: string };

function statOrNull(path: string, follow = true): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return null;
    throw e;
  }
}

/** Case and normalisation folding, as case-insensitive file systems (NTFS, APFS, HFS+) compare names. */
function fold(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/**
 * Checks that writing `out` cannot touch `input`. `input` must exist.
 * Returns null when `out` may be written.
 */
export function checkOutput(input: string, out: string, force: boolean): OutputProblem | null {
  const inReal = realpathSync.native(input);
  const inStat = statSync(inReal);
  const outAbs = resolve(out);
  const folder = dirname(outAbs);
  const folderStat = statOrNull(folder);
  // The output's own name in its real folder: ./x, ../dir/x and a linked folder all come to the same.
  const outResolved = folderStat?.isDirectory() ? join(realpathSync.native(folder), basename(outAbs)) : null;
  const outStat = statOrNull(outAbs);
  if (outStat) {
    // Same device and inode: the same file, whether by its path, a symbolic link or a hard link.
    if (outStat.dev === inStat.dev && outStat.ino === inStat.ino)
      return { kind: "same-file", input, out, how: outResolved === inReal ? "path" : "link" };
    if (outStat.isDirectory()) return { kind: "is-folder", out };
  }
  if (outResolved === null) return { kind: "no-folder", out, folder };
  // Compared folded, so the exact path is caught too (should the inode check above not be reliable on some file system).
  if (fold(outResolved) === fold(inReal)) return { kind: "same-file", input, out, how: outResolved === inReal ? "path" : "case" };
  // lstat: a dangling symbolic link is an existing name too.
  if (!force && statOrNull(outAbs, false)) return { kind: "exists", out };
  return null;
}

/** Temporary files being written, removed when the process is interrupted. */
const pending = new Set<string>();

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

let handlersInstalled = false;

/**
 * Removes unfinished temporary files when the process is interrupted
 * (Ctrl+C, kill, closed terminal), then exits with the usual 128 + signal code.
 * Installed once by the CLI (not by library use, which must not take over signals).
 */
export function removeTempFilesOnSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const signal of Object.keys(codes)) {
    process.once(signal, () => {
      for (const p of pending) removeQuietly(p);
      pending.clear();
      process.exit(codes[signal]);
    });
  }
}

/** The temporary files currently being written (for tests and diagnostics). */
export function pendingTempFiles(): string[] {
  return [...pending];
}

export class OutputExistsError extends Error {
  constructor(readonly out: string) {
    super(`${out} already exists`);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds when compiled to ES5 (ts-jest)
  }
}

/** The temporary name for `out`: hidden, in the same folder (so the final rename stays on one file system). */
export function tempNameFor(out: string): string {
  return join(dirname(resolve(out)), `.${basename(out)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

function fsyncFolder(folder: string): void {
  // Makes the rename itself durable. Not possible on every platform (Windows): best effort.
  let fd: number | undefined;
  try {
    fd = openSync(folder, fsConstants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    /* not supported here */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A stream onto a file descriptor it never closes (the caller fsyncs and closes it). */
class FdStream extends Writable {
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  constructor(private readonly fd: number) {
    super({ decodeStrings: true });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.inFlight++;
    const done = (e?: Error | null) => {
      this.inFlight--;
      if (this.inFlight === 0) for (const w of this.waiters.splice(0)) w();
      cb(e);
    };
    const go = (offset: number) =>
      fsWrite(this.fd, chunk, offset, chunk.length - offset, null, (e, n) => {
        if (e) return done(e);
        if (offset + n < chunk.length) return go(offset + n);
        done();
      });
    go(0);
  }
  /** Resolves when no write is under way (so the descriptor can be closed safely). */
  settled(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
}

function finishWrite(stream: Writable): Promise<void> {
  return new Promise((res, rej) => {
    stream.once("error", rej);
    stream.end(() => res());
  });
}

/**
 * Writes `out` atomically: `produce` writes the whole content to the stream it
 * is given (and resolves when done); only a complete, flushed file ever gets
 * the name `out`. Throws `OutputExistsError` when `out` exists and `force` is
 * false. Whatever `produce` throws is rethrown after the temporary file is removed.
 */
export async function writeAtomic(out: string, force: boolean, produce: (stream: Writable) => Promise<void>): Promise<void> {
  const tmp = tempNameFor(out);
  const fd = openSync(tmp, "wx");
  pending.add(tmp);
  const stream = new FdStream(fd);
  let streamError: Error | null = null;
  stream.on("error", (e) => (streamError ??= e));
  try {
    await produce(stream);
    if (streamError) throw streamError;
    await finishWrite(stream);
    fsyncSync(fd);
    closeSync(fd);
    commit(tmp, out, force);
    pending.delete(tmp);
    fsyncFolder(dirname(resolve(out)));
  } catch (e) {
    stream.destroy();
    await stream.settled();
    try {
      closeSync(fd);
    } catch {
      /* closed already */
    }
    removeQuietly(tmp);
    pending.delete(tmp);
    throw e;
  }
}

function commit(tmp: string, out: string, force: boolean): void {
  if (force) {
    renameSync(tmp, out);
    return;
  }
  try {
    // link() fails with EEXIST when the name exists: no file created meanwhile is ever replaced.
    linkSync(tmp, out);
    unlinkSync(tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new OutputExistsError(out);
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS" || code === "EXDEV") {
      if (statOrNull(out, false)) throw new OutputExistsError(out);
      renameSync(tmp, out);
      return;
    }
    throw e;
  }
}

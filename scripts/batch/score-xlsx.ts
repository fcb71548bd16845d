/**
 * `npm run score` for .xlsx workbooks, without losing anything of the input.
 *
 * An .xlsx is a zip package of parts. The output is the input package with
 * every part copied unchanged (charts, drawings, images, pivot caches, styles,
 * comments, data validation, other sheets, VBA, custom XML…) except two:
 * - the scored worksheet's XML, streamed through `saxes`: every row and cell
 *   of the input is kept character for character; the risk columns are added
 *   as plain values (numbers, or inline strings: text is never a formula, and
 *   the shared-strings part need not change);
 * - the workbook part, which gets one hidden sheet-scoped defined name,
 *   `CreditSentinel.ScoreColumns`, over the header cells of the risk columns.
 *   That name is the marker of this CLI's columns: a later run on the output
 *   replaces exactly those columns (when their header cells still hold this
 *   CLI's headers and none of their cells holds a formula a user typed),
 *   instead of appending a second set. Excel moves the name with the cells
 *   when columns or rows are inserted.
 * A part that cannot be read (encrypted, unknown compression) stops the run
 * with its name; nothing is written without it.
 *
 * The risk columns go right of the last column the table's rows use (any
 * cell, even an empty formatted one, and merged ranges count), so no cell of
 * the user's is ever overwritten. The placement is planned from the first
 * rows; if a later row reaches further (or a merged range or a formula is in
 * the way) the run starts again with the whole sheet scanned.
 */
import type { CreditPolicy } from "../../src/engine/policy";
import { basename } from "node:path";
import { Transform, TransformCallback } from "node:stream";
import type { Writable } from "node:stream";
import type { Entry } from "yauzl";
import { Lang } from "../../src/engine/lang";
import { message } from "../../src/engine/messages/cli";
import { FACTOR_KEYS } from "../../src/engine/scoring/factors";
import { acceptedKeysText } from "../../src/engine/scoring/headers";
import { writeAtomic } from "../io/safe-output";
import { ZipIn, ZipOutEntry, closeZip, entryStream, entryText, openZip, unreadable, writeZip } from "../io/zip";
import {
  MAX_COLUMNS,
  PartError,
  REL_OFFICE_DOCUMENT,
  REL_SHARED_STRINGS,
  REL_WORKSHEET,
  SharedStrings,
  columnName,
  parseRangeFormula,
  parseRels,
  parseWorkbook,
  alwaysQuotedSheet,
  readSharedStrings,
  relsPartOf,
  resolvePart,
  setDefinedName,
  sheetLabel,
  parseCellRef,
} from "../io/xlsx-parts";
import { SheetCell, SheetParser, SheetRow, cellXml, renderRow } from "../io/xlsx-sheet";
import { MESSAGES, UserError } from "./messages";
import { CHUNK_ROWS, HEADER_SEARCH_ROWS, TableScorer, isOwnHeader, namesAFactor } from "./table";
import type { RunResult } from "./score-csv";

/** The defined name that marks this CLI's risk columns on a sheet. */
export const OWN_COLUMNS_NAME = "CreditSentinel.ScoreColumns";

/** Rows read before planning where the risk columns go (beyond the header search). */
const PLAN_ROWS = 1000;

export interface XlsxJob {
  input: string;
  out: string;
  force: boolean;
  lang: Lang;
  asOf: string;
  sheet?: string;
  headerRow?: number;
  /** Test hook: called after each chunk is written (a throw here is an interrupted run). */
  afterChunk?: (chunks: number) => void;
  /** The policy (model) to score with; default the shipped one. */
  policy?: CreditPolicy;
}

/** A cell's value as the engine sees it: numbers, text (shared or inline), booleans, error codes as text. */
function cellValue(c: SheetCell, sst: SharedStrings): unknown {
  if (!c.hasValue) return null;
  switch (c.type) {
    case "s":
      return sst.get(Number(c.value)) ?? null;
    case "b":
      return c.value.trim() === "1";
    case "inlineStr":
    case "str":
    case "e":
    case "d":
      return c.value;
    default: {
      const t = c.value.trim();
      if (t === "") return null;
      const x = Number(t);
      return Number.isNaN(x) ? c.value : x;
    }
  }
}

function isDecodeError(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "ERR_ENCODING_INVALID_ENCODED_DATA";
}

interface OwnRange {
  from: number;
  to: number;
  row: number;
}

/** What a scan of the sheet learnt. */
interface Facts {
  complete: boolean;
  /** Cell values of the rows where the header may be (all columns). */
  head: Map<number, unknown[]>;
  /** Per row up to the header search limit: rightmost used column, with and without the marked columns. */
  headMax: Map<number, { all: number; nonOwn: number }>;
  /** Rightmost used column of the rows after that. */
  laterMax: { all: number; nonOwn: number };
  /** Last row holding a formula in the marked columns (0: none). */
  ownFormulaRow: number;
  merges: { r1: number; r2: number; c1: number; c2: number }[];
  rows: number;
}

async function scan(
  zip: ZipIn,
  entry: Entry,
  part: string,
  sst: SharedStrings,
  own: OwnRange | null,
  headLimit: number,
  stopAfter: number | null,
): Promise<Facts> {
  const facts: Facts = {
    complete: stopAfter === null,
    head: new Map(),
    headMax: new Map(),
    laterMax: { all: -1, nonOwn: -1 },
    ownFormulaRow: 0,
    merges: [],
    rows: 0,
  };
  let stop = false;
  const parser = new SheetParser(
    part,
    {
      row(row) {
        facts.rows++;
        let all = -1;
        let nonOwn = -1;
        for (const c of row.cells) {
          all = Math.max(all, c.col);
          const mine = own !== null && c.col >= own.from && c.col <= own.to;
          if (!mine) nonOwn = Math.max(nonOwn, c.col);
          else if (c.hasFormula) facts.ownFormulaRow = Math.max(facts.ownFormulaRow, row.num);
        }
        if (row.num <= headLimit) {
          const values: unknown[] = [];
          for (const c of row.cells) values[c.col] = cellValue(c, sst);
          facts.head.set(
            row.num,
            Array.from(values, (v) => v ?? null),
          );
          facts.headMax.set(row.num, { all, nonOwn });
        } else {
          facts.laterMax.all = Math.max(facts.laterMax.all, all);
          facts.laterMax.nonOwn = Math.max(facts.laterMax.nonOwn, nonOwn);
        }
        if (stopAfter !== null && row.num >= stopAfter) stop = true;
      },
      merge(ref) {
        const [a, b] = ref.split(":");
        const p = parseCellRef(a);
        const q = parseCellRef(b ?? a);
        if (p && q)
          facts.merges.push({
            r1: Math.min(p.row, q.row),
            r2: Math.max(p.row, q.row),
            c1: Math.min(p.col, q.col),
            c2: Math.max(p.col, q.col),
          });
      },
    },
    false,
  );
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const stream = await entryStream(zip, entry);
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (stop) break;
    }
    if (!stop) {
      parser.write(decoder.decode());
      parser.end();
      facts.complete = true;
    }
  } catch (e) {
    if (isDecodeError(e)) throw new PartError(part, message("cli.xlsx.notUtf8"));
    throw e;
  } finally {
    stream.destroy();
  }
  return facts;
}

interface Layout {
  headerRow: number;
  header: unknown[];
  own: OwnRange | null;
  start: number;
  scorer: TableScorer;
}

class Restart extends Error {
  constructor(reason: string) {
    super(reason);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds when compiled to ES5 (ts-jest)
  }
}

function plan(job: XlsxJob, facts: Facts, candidate: OwnRange | null, where: string, sheetName: string): Layout {
  const msg = MESSAGES[job.lang];
  let headerRow = job.headerRow;
  if (headerRow === undefined) {
    const rows = [...facts.head.keys()].sort((a, b) => a - b);
    headerRow = rows.find((r) => namesAFactor(facts.head.get(r)!));
    if (headerRow === undefined) throw new UserError(msg.noHeaderRow(where, HEADER_SEARCH_ROWS, acceptedKeysText(FACTOR_KEYS)));
  }
  const headerCells = facts.head.get(headerRow);
  if (!headerCells || headerCells.every((c) => c === null || c === "")) throw new UserError(msg.headerRowMissing(where, headerRow));
  const hr = headerRow;
  const inRows = (m: Facts["merges"][number]) => m.r2 >= hr;
  let own: OwnRange | null = null;
  if (
    candidate &&
    candidate.row === headerRow &&
    isOwnHeader(headerCells.slice(candidate.from, candidate.to + 1)) &&
    facts.ownFormulaRow < headerRow &&
    !facts.merges.some((m) => inRows(m) && m.c2 >= candidate.from && m.c1 <= candidate.to)
  ) {
    own = candidate;
  }
  let userMax = -1;
  for (const [r, m] of facts.headMax) if (r >= headerRow) userMax = Math.max(userMax, own ? m.nonOwn : m.all);
  userMax = Math.max(userMax, own ? facts.laterMax.nonOwn : facts.laterMax.all);
  for (const m of facts.merges) if (inRows(m)) userMax = Math.max(userMax, m.c2);
  const header = Array.from({ length: userMax + 1 }, (_, j) => (own && j >= own.from && j <= own.to ? null : (headerCells[j] ?? null)));
  const address = (row: number, col: number | null) =>
    `${sheetLabel(sheetName)}!${col === null ? `${row}:${row}` : `${columnName(col)}${row}`}`;
  let scorer: TableScorer;
  try {
    scorer = new TableScorer(header, { lang: job.lang, asOf: job.asOf, address, policy: job.policy });
  } catch (e) {
    throw new UserError(msg.headerRowUnrecognised(where, headerRow, e instanceof Error ? e.message : String(e)));
  }
  const width = scorer.outHeader.length;
  const ownWidth = own ? own.to - own.from + 1 : 0;
  const start = own && (width <= ownWidth || userMax < own.from) ? own.from : userMax + 1;
  if (start + width > MAX_COLUMNS) throw new UserError(msg.noRoom(where));
  return { headerRow, header, own, start, scorer };
}

/** Rewrites the sheet part: the user's rows as they were, plus the risk columns. */
class SheetRewriter extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private readonly parser: SheetParser;
  private queue: (string | { row: SheetRow; xml: string | null })[] = [];
  private data: { item: { row: SheetRow; xml: string | null }; cells: unknown[] }[] = [];
  private chunks = 0;
  private readonly last: number;

  constructor(
    private readonly part: string,
    private readonly layout: Layout,
    private readonly sst: SharedStrings,
    private readonly afterChunk?: (chunks: number) => void,
  ) {
    super();
    const { start, scorer } = layout;
    this.last = start + scorer.outHeader.length - 1;
    this.parser = new SheetParser(
      part,
      {
        raw: (text) => this.queue.push(text),
        dimension: (raw, ref) => this.queue.push(this.dimension(raw, ref)),
        row: (row) => this.row(row),
        merge: (ref) => {
          const [a, b] = ref.split(":");
          const p = parseCellRef(a);
          const q = parseCellRef(b ?? a);
          if (!p || !q || Math.max(p.row, q.row) < layout.headerRow) return;
          const c1 = Math.min(p.col, q.col);
          const c2 = Math.max(p.col, q.col);
          const own = layout.own;
          if ((c2 >= start && c1 <= this.last) || (own && c2 >= own.from && c1 <= own.to)) throw new Restart("merged range in the way");
        },
      },
      true,
    );
  }

  private isOwn = (col: number) => this.layout.own !== null && col >= this.layout.own.from && col <= this.layout.own.to;

  private dimension(raw: string, ref: string): string {
    const [a, b] = ref.split(":");
    const p = parseCellRef(a);
    const q = parseCellRef(b ?? a);
    if (!p || !q) return raw;
    const toCol = Math.max(q.col, this.last);
    const toRow = Math.max(q.row, this.layout.headerRow);
    return raw.replace(/(\sref=")[^"]*(")/, `$1${columnName(p.col)}${p.row}:${columnName(toCol)}${toRow}$2`);
  }

  private row(row: SheetRow): void {
    const { headerRow, start, scorer, own } = this.layout;
    if (row.num < headerRow) {
      this.queue.push(renderRow(row, null, []));
      return;
    }
    for (const c of row.cells) {
      if (this.isOwn(c.col)) {
        if (c.hasFormula) throw new Restart("formula in the marked columns");
      } else if (c.col >= start && c.col <= this.last) throw new Restart("cell in the way");
    }
    const drop = own ? this.isOwn : null;
    if (row.num === headerRow) {
      const add = scorer.outHeader.map((h, k) => ({ col: start + k, xml: cellXml(row.prefix, start + k, row.num, h) }));
      this.queue.push(renderRow(row, drop, add));
      return;
    }
    const read = scorer.read;
    const cells: unknown[] = new Array(this.layout.header.length).fill(null);
    for (const c of row.cells) if (c.col < cells.length && read[c.col]) cells[c.col] = cellValue(c, this.sst);
    const item = { row, xml: null as string | null };
    this.queue.push(item);
    this.data.push({ item, cells });
    if (this.data.length >= CHUNK_ROWS) this.score();
  }

  private score(): void {
    if (this.data.length === 0) return;
    const { start, scorer, own } = this.layout;
    const values = scorer.score(this.data.map((d) => ({ sheetRow: d.item.row.num, cells: d.cells })));
    this.data.forEach((d, i) => {
      const row = d.item.row;
      const add = values[i].flatMap((v, k) => (v === "" ? [] : [{ col: start + k, xml: cellXml(row.prefix, start + k, row.num, v) }]));
      d.item.xml = renderRow(row, own ? this.isOwn : null, add);
    });
    this.data = [];
    this.chunks++;
    this.afterChunk?.(this.chunks);
  }

  /** Hands out the queued XML up to the first row still waiting for its scores. */
  private drain(): string {
    let text = "";
    let k = 0;
    for (; k < this.queue.length; k++) {
      const q = this.queue[k];
      if (typeof q === "string") text += q;
      else if (q.xml === null) break;
      else text += q.xml;
    }
    this.queue = k === this.queue.length ? [] : this.queue.slice(k);
    return text;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.parser.write(this.decoder.decode(chunk, { stream: true }));
      const text = this.drain();
      cb(null, text ? Buffer.from(text, "utf8") : undefined);
    } catch (e) {
      cb(isDecodeError(e) ? new PartError(this.part, message("cli.xlsx.notUtf8")) : (e as Error));
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.parser.write(this.decoder.decode());
      this.parser.end();
      this.score();
      const text = this.drain();
      cb(null, text ? Buffer.from(text, "utf8") : undefined);
    } catch (e) {
      cb(e as Error);
    }
  }
}

export async function scoreXlsx(job: XlsxJob): Promise<RunResult> {
  const msg = MESSAGES[job.lang];
  const file = basename(job.input);
  let zip: ZipIn;
  try {
    zip = await openZip(job.input);
  } catch {
    throw new UserError(msg.notXlsx(file));
  }
  try {
    return await scoreOpened(job, zip);
  } catch (e) {
    if (e instanceof PartError) throw new UserError(msg.badPart(file, e.part, e.detailIn(job.lang)));
    throw e;
  } finally {
    closeZip(zip);
  }
}

async function scoreOpened(job: XlsxJob, zip: ZipIn): Promise<RunResult> {
  const msg = MESSAGES[job.lang];
  const file = basename(job.input);
  const bad = zip.entries.flatMap((e) => {
    const why = unreadable(e);
    return why ? [`${e.fileName} (${why})`] : [];
  });
  if (bad.length) throw new UserError(msg.partsUnreadable(file, bad.join(", ")));
  const byName = new Map(zip.entries.map((e) => [e.fileName, e]));
  const need = (part: string): Entry => {
    const e = byName.get(part);
    if (!e) throw new UserError(msg.badPart(file, part, msg.partMissing()));
    return e;
  };
  const rootRels = parseRels(await entryText(zip, need("_rels/.rels")), "_rels/.rels");
  const docRel = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  if (!docRel) throw new UserError(msg.notXlsx(file));
  const wbPart = resolvePart("", docRel.target);
  const wbEntry = need(wbPart);
  const wbXml = await entryText(zip, wbEntry);
  const wb = parseWorkbook(wbXml, wbPart);
  const wbRelsPart = relsPartOf(wbPart);
  const wbRels = parseRels(await entryText(zip, need(wbRelsPart)), wbRelsPart);

  // The sheet: by name (exact, then ignoring case), else by position; default the first worksheet.
  const isWorksheet = (s: (typeof wb.sheets)[number]) => REL_WORKSHEET.test(wbRels.get(s.relId)?.type ?? "");
  let sheet = wb.sheets.find(isWorksheet);
  if (job.sheet !== undefined) {
    const want = job.sheet;
    sheet = wb.sheets.find((s) => s.name === want) ?? wb.sheets.find((s) => s.name.toLowerCase() === want.toLowerCase());
    if (!sheet && /^\d+$/.test(want.trim())) sheet = wb.sheets[Number(want) - 1];
    if (!sheet) throw new UserError(msg.sheetNotFound(want, wb.sheets.map((s) => `"${s.name}"`).join(", ")));
    if (!isWorksheet(sheet)) throw new UserError(msg.notAWorksheet(sheet.name));
  }
  if (!sheet) throw new UserError(msg.noWorksheet(file));
  const sheetPart = resolvePart(wbPart, wbRels.get(sheet.relId)!.target);
  const sheetEntry = need(sheetPart);

  const sstRel = [...wbRels.values()].find((r) => REL_SHARED_STRINGS.test(r.type));
  const sstEntry = sstRel ? byName.get(resolvePart(wbPart, sstRel.target)) : undefined;
  const sst = sstEntry ? await readSharedStrings(await entryStream(zip, sstEntry), sstEntry.fileName) : new SharedStrings();

  // An earlier run's columns, by their marker name.
  let candidate: OwnRange | null = null;
  const marker = wb.definedNames.find((d) => d.name.toLowerCase() === OWN_COLUMNS_NAME.toLowerCase() && d.localSheetId === sheet!.index);
  const range = marker ? parseRangeFormula(marker.text) : null;
  if (range && range.sheet === sheet.name && range.from.row === range.to.row)
    candidate = { from: range.from.col, to: range.to.col, row: range.from.row };

  const where = `${file}, ${sheetLabel(sheet.name)}`;
  const headLimit = job.headerRow ?? HEADER_SEARCH_ROWS;
  let facts = await scan(zip, sheetEntry, sheetPart, sst, candidate, headLimit, headLimit + PLAN_ROWS);
  let layout = plan(job, facts, candidate, where, sheet.name);

  for (;;) {
    const { start, headerRow, scorer } = layout;
    const end = start + scorer.outHeader.length - 1;
    const formula = `${alwaysQuotedSheet(sheet.name)}!$${columnName(start)}$${headerRow}:$${columnName(end)}$${headerRow}`;
    const newWbXml = setDefinedName(wbXml, wb, OWN_COLUMNS_NAME, sheet.index, formula);
    const entries: ZipOutEntry[] = zip.entries.map((e) => {
      const mtime = e.getLastModDate();
      if (e.fileName.endsWith("/")) return { name: e.fileName, directory: true as const, mtime };
      if (e === wbEntry) return { name: e.fileName, mtime, compress: true, data: Buffer.from(newWbXml, "utf8") };
      if (e === sheetEntry) {
        return {
          name: e.fileName,
          mtime,
          compress: true,
          stream: async () => {
            const src = await entryStream(zip, e);
            const rewriter = new SheetRewriter(sheetPart, layout, sst, job.afterChunk);
            src.on("error", (err) => rewriter.destroy(err));
            return src.pipe(rewriter);
          },
        };
      }
      return { name: e.fileName, mtime, compress: e.compressionMethod !== 0, stream: () => entryStream(zip, e) };
    });
    try {
      await writeAtomic(job.out, job.force, async (out: Writable) => {
        await writeZip(entries, out);
        const st = layout.scorer.stats;
        if (st.scored === 0 && st.errorRows === 0) throw new UserError(msg.noDataRows(where, headerRow));
      });
    } catch (e) {
      if (e instanceof Restart && !facts.complete) {
        facts = await scan(zip, sheetEntry, sheetPart, sst, candidate, headLimit, null);
        layout = plan(job, facts, candidate, where, sheet.name);
        continue;
      }
      throw e;
    }
    const cols = `${columnName(start)}:${columnName(end)}`;
    const notes = [msg.readXlsx(file, sheetLabel(sheet.name), headerRow), layout.own ? msg.replacedOwn(cols) : msg.appendedAt(cols)];
    return { stats: scorer.stats, notes };
  }
}

/**
 * Streaming a worksheet part (xl/worksheets/sheetN.xml) with `saxes`, keeping
 * the raw text: rows come out with their cells' exact XML, and everything
 * between them comes out as raw text, so a rewritten sheet is the input
 * character for character except where cells are added or removed.
 *
 * The parser reports positions into the text it was given; the raw text of a
 * tag is cut from a rolling buffer that holds at most the row being read (plus
 * one input chunk), so memory does not grow with the sheet.
 */
import { SaxTag, saxParser } from "./sax";
import { message } from "../../src/engine/messages/cli";
import { PartError, columnName, escapeXml, local, parseCellRef, prefixOf, unescapeOoxml } from "./xlsx-parts";

export interface SheetCell {
  /** 0-based column. */
  col: number;
  /** Cell type attribute ("n" when absent): s, str, inlineStr, b, e, d, n. */
  type: string;
  /** Text of <v>, or of the inline string. */
  value: string;
  hasValue: boolean;
  hasFormula: boolean;
  hasRef: boolean;
  /** Where the cell's XML is in its row's `raw` text (only when raw text is kept). */
  start: number;
  end: number;
}

export interface SheetRow {
  /** 1-based row number. */
  num: number;
  /** Element prefix ("" or "x:"). */
  prefix: string;
  selfClosing: boolean;
  cells: SheetCell[];
  /** The row's XML exactly as in the input (only when raw text is kept): opening tag up to `openEnd`, closing tag from `closeStart`. */
  raw: string;
  openEnd: number;
  closeStart: number;
}

export interface SheetSink {
  /** Raw text between the parts below (only when raw text is kept). */
  raw?(text: string): void;
  /** The <dimension> element (raw) and its ref. */
  dimension?(raw: string, ref: string): void;
  row(row: SheetRow): void;
  /** A merged range (from <mergeCells>, after the rows). */
  merge?(ref: string): void;
}

function attr(tag: SaxTag, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const k in tag.attributes) if (k.endsWith(`:${name}`) && !k.startsWith("xmlns")) return tag.attributes[k];
  return undefined;
}

export class SheetParser {
  private readonly p = saxParser();
  private buf = "";
  private base = 0; // absolute position of buf[0]
  private emitted = 0; // raw text before this position has been handed out
  private inSheetData = false;
  private row: (SheetRow & { start: number }) | null = null;
  private cell: SheetCell | null = null;
  private target: "v" | "t" | null = null;
  private inIs = false;
  private phonetic = 0;
  private nextRow = 1;
  private nextCol = 0;
  private ended = false;

  constructor(
    private readonly part: string,
    private readonly sink: SheetSink,
    private readonly keepRaw: boolean,
  ) {
    this.p.on("error", (e) => {
      throw new PartError(part, e.message);
    });
    this.p.on("opentag", (t) => this.open(t));
    this.p.on("closetag", (t) => this.close(t));
    this.p.on("text", (s) => {
      if (this.target && this.cell) this.cell.value += s;
    });
    this.p.on("cdata", (s) => {
      if (this.target && this.cell) this.cell.value += s;
    });
  }

  write(chunk: string): void {
    if (this.base === 0 && this.buf === "" && chunk.charCodeAt(0) === 0xfeff) throw new PartError(this.part, message("cli.xlsx.utf16Part"));
    this.buf += chunk;
    this.p.write(chunk);
    this.trim();
  }

  end(): void {
    this.p.close();
    this.ended = true;
    this.emitRaw(this.base + this.buf.length);
    this.buf = "";
  }

  private slice(a: number, b: number): string {
    return this.buf.slice(a - this.base, b - this.base);
  }

  /** Position of the "<" that starts the tag ending at `end`. */
  private tagStart(end: number): number {
    return this.base + this.buf.lastIndexOf("<", end - 1 - this.base);
  }

  private emitRaw(upTo: number): void {
    if (upTo <= this.emitted) return;
    if (this.keepRaw && this.sink.raw) this.sink.raw(this.slice(this.emitted, upTo));
    this.emitted = upTo;
  }

  private trim(): void {
    if (this.ended) return;
    let keep: number;
    if (this.row) keep = this.row.start;
    else {
      // Everything before the last "<" is complete text or complete tags: hand it out.
      const lt = this.buf.lastIndexOf("<");
      keep = lt < 0 ? this.base + this.buf.length : this.base + lt;
      keep = Math.max(keep, this.emitted);
      this.emitRaw(keep);
      keep = this.emitted;
    }
    if (keep > this.base) {
      this.buf = this.buf.slice(keep - this.base);
      this.base = keep;
    }
  }

  private open(t: SaxTag): void {
    const name = local(t.name);
    const pos = this.p.position;
    if (!this.inSheetData) {
      if (name === "sheetData") this.inSheetData = !t.isSelfClosing;
      else if (name === "dimension") {
        const start = this.tagStart(pos);
        this.emitRaw(start);
        this.sink.dimension?.(this.slice(start, pos), attr(t, "ref") ?? "");
        if (!this.sink.dimension) this.emitRaw(pos);
        this.emitted = pos;
      } else if (name === "mergeCell") this.sink.merge?.(attr(t, "ref") ?? "");
      return;
    }
    if (name === "row") {
      const start = this.tagStart(pos);
      this.emitRaw(start);
      const r = attr(t, "r");
      const num = r !== undefined ? Number(r) : this.nextRow;
      if (!Number.isInteger(num) || num < 1) throw new PartError(this.part, message("cli.xlsx.badRowNumber", { value: r }));
      this.nextRow = num + 1;
      this.nextCol = 0;
      this.row = {
        num,
        prefix: prefixOf(t.name),
        selfClosing: !!t.isSelfClosing,
        cells: [],
        raw: "",
        start,
        openEnd: pos,
        closeStart: pos,
      };
    } else if (name === "c" && this.row) {
      const ref = attr(t, "r");
      let col = this.nextCol;
      if (ref !== undefined) {
        const parsed = parseCellRef(ref);
        if (!parsed || parsed.col < 0) throw new PartError(this.part, message("cli.xlsx.badCellRef", { ref }));
        col = parsed.col;
      }
      this.nextCol = col + 1;
      this.cell = {
        col,
        type: attr(t, "t") ?? "n",
        value: "",
        hasValue: false,
        hasFormula: false,
        hasRef: ref !== undefined,
        start: this.tagStart(pos),
        end: pos,
      };
    } else if (this.cell) {
      if (name === "v") {
        this.target = "v";
        this.cell.hasValue = true;
      } else if (name === "f") this.cell.hasFormula = true;
      else if (name === "is") {
        this.inIs = true;
        this.cell.hasValue = true;
      } else if (name === "rPh") this.phonetic++;
      else if (name === "t" && this.inIs && this.phonetic === 0) this.target = "t";
    }
  }

  private close(t: SaxTag): void {
    const name = local(t.name);
    const pos = this.p.position;
    if (!this.inSheetData) return;
    if (name === "v" || name === "t") this.target = null;
    else if (name === "is") this.inIs = false;
    else if (name === "rPh") this.phonetic--;
    else if (name === "c" && this.cell && this.row) {
      const c = this.cell;
      if (c.type === "inlineStr") c.value = unescapeOoxml(c.value);
      c.end = pos;
      this.row.cells.push(c);
      this.cell = null;
    } else if (name === "row" && this.row) {
      const r = this.row;
      const base = r.start;
      r.closeStart = (r.selfClosing ? pos : this.tagStart(pos)) - base;
      r.openEnd -= base;
      if (this.keepRaw) {
        r.raw = this.slice(base, pos);
        for (const c of r.cells) {
          c.start -= base;
          c.end -= base;
        }
      }
      this.row = null;
      this.emitted = pos;
      this.sink.row(r);
    } else if (name === "sheetData") this.inSheetData = false;
  }
}

// ---------------------------------------------------------------- writing cells

/** The XML of a cell this CLI writes: a number, or text as an inline string (never a formula). */
export function cellXml(prefix: string, col: number, row: number, value: string | number, style?: number): string {
  const ref = `${columnName(col)}${row}`;
  const s = style !== undefined ? ` s="${style}"` : "";
  if (typeof value === "number" && Number.isFinite(value))
    return `<${prefix}c r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${prefix}c>`;
  const text = escapeXml(String(value));
  const space = /^\s|\s$|\n/.test(String(value)) ? ' xml:space="preserve"' : "";
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${text}</${prefix}t></${prefix}is></${prefix}c>`;
}

function withSpans(openRaw: string, first: number, last: number): string {
  return openRaw.replace(
    /(\sspans=")(\d+):(\d+)(")/,
    (_m, a: string, lo: string, hi: string, b: string) => `${a}${Math.min(Number(lo), first + 1)}:${Math.max(Number(hi), last + 1)}${b}`,
  );
}

/**
 * The row's XML with the cells in columns `drop` removed and `add` (sorted by
 * column, each { col, xml }) inserted in column order. A row with nothing to
 * change is returned exactly as it was read.
 */
export function renderRow(row: SheetRow, drop: ((col: number) => boolean) | null, add: readonly { col: number; xml: string }[]): string {
  const keep = drop ? row.cells.filter((c) => !drop(c.col)) : row.cells;
  const dropped = keep.length !== row.cells.length;
  if (!dropped && add.length === 0) return row.raw;
  let lo = Infinity;
  let hi = -1;
  for (const { col } of [...keep, ...add]) {
    lo = Math.min(lo, col);
    hi = Math.max(hi, col);
  }
  const openRaw = row.raw.slice(0, row.openEnd);
  const open = (raw: string) => (hi >= 0 ? withSpans(raw, lo, hi) : raw);
  let added = "";
  for (const a of add) added += a.xml;
  if (row.selfClosing) return open(openRaw.replace(/\s*\/>$/, ">")) + added + `</${row.prefix}row>`;
  const closeRaw = row.raw.slice(row.closeStart);
  const lastKept = keep.length ? keep[keep.length - 1].col : -1;
  if (!dropped && add[0].col > lastKept) return open(openRaw) + row.raw.slice(row.openEnd, row.closeStart) + added + closeRaw;
  // Rebuild the cell list. Cells without an r attribute get one, so removing a cell never shifts the next.
  const merged: { col: number; xml: string }[] = [
    ...keep.map((c) => {
      const xml = row.raw.slice(c.start, c.end);
      return { col: c.col, xml: c.hasRef ? xml : xml.replace(/^<([\w:.-]+)/, `<$1 r="${columnName(c.col)}${row.num}"`) };
    }),
    ...add,
  ].sort((a, b) => a.col - b.col);
  return open(openRaw) + merged.map((m) => m.xml).join("") + closeRaw;
}

/**
 * A small in-memory Excel for testing src/excel without a host.
 *
 * What it models (enough for our I/O layer, nothing more):
 * - Proxy objects with office.js semantics: calls and property sets are
 *   QUEUED and run at `context.sync()`, in order; loaded properties become
 *   readable only after the sync (reading earlier throws PropertyNotLoaded);
 *   `*OrNullObject` proxies get `isNullObject` at every sync.
 * - Excel on the web's payload limit, per sync, on both sides: the JSON
 *   bytes of everything a batch writes (values, formulas, number formats,
 *   settings) and of every heavy property it loads (values, formulas,
 *   numberFormat). Over `limit` (5,000,000 bytes by default) the sync throws
 *   an OfficeExtension.Error-like `{ name: "RichApi.Error", code:
 *   "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded",
 *   debugInfo }`. A request over the limit runs nothing; a response over the
 *   limit has run its writes but delivers no loaded value.
 * - Typed-input parsing of written strings, pessimistically: a leading
 *   apostrophe makes the rest text (quote prefix, not part of the value);
 *   plain decimal numbers become numbers; a string whose first non-space
 *   character is = + - @ or a full-width/small form of them becomes a
 *   FORMULA (value "#FORMULA", formula text kept). Cells formatted "@" keep
 *   text as is. `null` leaves a cell unchanged, "" clears it.
 * - Range.values / formulas / numberFormat are set only with a 2-D array of
 *   the range's exact size (the documented `any[][]`; a single value throws
 *   InvalidArgument); a `null` number format leaves the cell's format.
 * - Sheets, tables, used range, current region, selection and its event,
 *   settings, conditional formats, charts (recorded, not drawn).
 * - Worksheet id vs name: `getItem`/`getItemOrNullObject` take either (an id
 *   is matched exactly, a name case-insensitively); a rename keeps the id;
 *   `worksheet.name = …` renames at sync.
 * - Error constants: a typed "#N/A" (any case; every Excel error literal)
 *   becomes an error value (`valueTypes` "Error"); "'#N/A" stays text.
 * - Structural edits as Excel makes them: `Range.insert("Down" | "Right")`
 *   and `Range.delete("Up" | "Left")` move cells (values, formulas, number
 *   formats, quote prefixes, errors); workbook names and tables whose
 *   reference spans the shifted columns (rows) move or grow/shrink with them,
 *   one deleted entirely becomes `#REF!`; a partly covered reference is left
 *   as is. Conditional formats and charts are not moved (not modelled).
 * - Workbook names (`workbook.names`): add (Range or formula text), get,
 *   formula (follows renames; `=#REF!` when its sheet or cells are deleted),
 *   visible, delete, getRangeOrNullObject.
 * - Custom XML parts (`workbook.customXmlParts`): add (the root element must
 *   declare its namespace, the text must be well-formed enough: no character
 *   XML 1.0 forbids, no bare `&` or `<`), getItem(OrNullObject), getByNamespace,
 *   getXml (counted in the response), setXml, delete.
 */
import { columnLetters, parseA1, qualifiedA1, quoteSheet, Rect } from "../../src/excel/address";
import { jsonBytes } from "../../src/excel/payload";
import { EXCEL_ERRORS } from "../../src/excel/cell-codec";

export const FAKE_PAYLOAD_LIMIT = 5_000_000;
const COLS = 16384;
const ROWS = 1048576;
const OP_OVERHEAD = 40;

type Scalar = string | number | boolean;

/** The error office.js throws (OfficeExtension.Error-like). */
export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

// ------------------------------------------------------------------ state

export interface FakeConditionalFormat {
  address: string;
  type: string;
  rule?: { formula1: string; operator: string };
  fill?: string;
  font?: string;
}

export interface FakeSeries {
  name: string;
  values?: string;
  xValues?: string;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  series: FakeSeries[];
  position?: { start: string; end: string };
}

export interface FormatOp {
  address: string;
  prop: string;
  value: unknown;
}

type SelectionHandler = (e: { address: string; worksheetId: string; type: string }) => Promise<unknown> | unknown;

export class FakeSheet {
  values: (Scalar[] | undefined)[] = [];
  formulas = new Map<number, string>();
  numberFormats = new Map<number, string>();
  quotePrefixed = new Set<number>();
  /** Cells holding an error constant (typed "#N/A" and the like). */
  errors = new Set<number>();
  formatOps: FormatOp[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];
  handlers = new Set<SelectionHandler>();
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  value(r: number, c: number): Scalar {
    const v = this.values[r]?.[c];
    return v === undefined ? "" : v;
  }
  formula(r: number, c: number): string | undefined {
    return this.formulas.get(r * COLS + c);
  }
  isEmpty(r: number, c: number): boolean {
    return this.value(r, c) === "" && !this.formulas.has(r * COLS + c);
  }
  setRaw(r: number, c: number, v: Scalar): void {
    const row = this.values[r] ?? (this.values[r] = []);
    row[c] = v;
  }
  clearCell(r: number, c: number): void {
    const row = this.values[r];
    if (row && c < row.length) row[c] = "";
    const k = r * COLS + c;
    this.formulas.delete(k);
    this.quotePrefixed.delete(k);
    this.errors.delete(k);
  }

  /** Excel-like typed input (see the file comment). */
  enter(r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const k = r * COLS + c;
    if (typeof input === "number" || typeof input === "boolean") {
      this.formulas.delete(k);
      this.quotePrefixed.delete(k);
      this.errors.delete(k);
      this.setRaw(r, c, input);
      return;
    }
    if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `cannot write ${typeof input}`);
    if (input === "") return this.clearCell(r, c);
    this.formulas.delete(k);
    this.quotePrefixed.delete(k);
    this.errors.delete(k);
    if (this.numberFormats.get(k) === "@") return this.setRaw(r, c, input);
    if (input.startsWith("'")) {
      this.quotePrefixed.add(k);
      return this.setRaw(r, c, input.slice(1));
    }
    if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(input)) return this.setRaw(r, c, Number(input));
    const err = EXCEL_ERRORS.find((e) => e === input.trim().toUpperCase());
    if (err) {
      this.errors.add(k);
      return this.setRaw(r, c, err);
    }
    const m = /^[\s\u00a0\u3000]*(.)/u.exec(input);
    if (m && "=+-@".includes(m[1].normalize("NFKC"))) {
      const t = input.trimStart();
      this.formulas.set(k, t.startsWith("=") ? t : "=" + t);
      return this.setRaw(r, c, "#FORMULA");
    }
    this.setRaw(r, c, input);
  }

  /** Excel's type of a cell's value ("Empty", "String", "Double", "Boolean", "Error"). */
  valueType(r: number, c: number): string {
    const k = r * COLS + c;
    if (this.errors.has(k)) return "Error";
    const v = this.value(r, c);
    if (v === "" && !this.formulas.has(k)) return "Empty";
    return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
  }

  read(rect: Rect, prop: "values" | "formulas" | "numberFormat" | "valueTypes"): unknown[][] {
    const out: unknown[][] = new Array(rect.rowCount);
    for (let i = 0; i < rect.rowCount; i++) {
      const r = rect.row + i;
      const src = this.values[r];
      const row: unknown[] = new Array(rect.colCount);
      for (let j = 0; j < rect.colCount; j++) {
        const c = rect.col + j;
        if (prop === "numberFormat") row[j] = this.numberFormats.get(r * COLS + c) ?? "General";
        else if (prop === "valueTypes") row[j] = this.valueType(r, c);
        else {
          const v = src?.[c];
          row[j] = v === undefined ? "" : v;
          if (prop === "formulas" && this.formulas.size > 0) {
            const f = this.formulas.get(r * COLS + c);
            if (f !== undefined) row[j] = f;
          }
        }
      }
      out[i] = row;
    }
    return out;
  }

  /**
   * Moves every cell (value, formula, number format, quote prefix, error) for
   * which `to(r, c)` gives a new place; `to` returning null drops the cell,
   * undefined leaves it where it is.
   */
  moveCells(to: (r: number, c: number) => [number, number] | null | undefined): void {
    type Cell = { v?: Scalar; f?: string; nf?: string; q: boolean; e: boolean };
    const cells = new Map<number, Cell>();
    const at = (k: number): Cell => {
      let x = cells.get(k);
      if (!x) cells.set(k, (x = { q: false, e: false }));
      return x;
    };
    this.values.forEach((row, r) => row?.forEach((v, c) => v !== undefined && v !== "" && (at(r * COLS + c).v = v)));
    this.formulas.forEach((f, k) => (at(k).f = f));
    this.numberFormats.forEach((f, k) => (at(k).nf = f));
    this.quotePrefixed.forEach((k) => (at(k).q = true));
    this.errors.forEach((k) => (at(k).e = true));
    this.values = [];
    this.formulas = new Map();
    this.numberFormats = new Map();
    this.quotePrefixed = new Set();
    this.errors = new Set();
    const placed: [number, Cell][] = [];
    for (const [k, cell] of cells) {
      const r = Math.floor(k / COLS);
      const c = k % COLS;
      const dest = to(r, c);
      if (dest === null) continue;
      const [nr, nc] = dest ?? [r, c];
      if (nr < 0 || nc < 0 || nr >= ROWS || nc >= COLS) continue;
      placed.push([nr * COLS + nc, cell]);
    }
    for (const [k, cell] of placed) {
      const r = Math.floor(k / COLS);
      const c = k % COLS;
      if (cell.v !== undefined) this.setRaw(r, c, cell.v);
      if (cell.f !== undefined) this.formulas.set(k, cell.f);
      if (cell.nf !== undefined) this.numberFormats.set(k, cell.nf);
      if (cell.q) this.quotePrefixed.add(k);
      if (cell.e) this.errors.add(k);
    }
  }

  /** Bounding box of non-empty cells (and, unless `valuesOnly`, of cells with a number format), or null. */
  usedRect(valuesOnly = true): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.values.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) {
        if (row[c] !== undefined && row[c] !== "") {
          if (r < r0) r0 = r;
          if (r > r1) r1 = r;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      }
    });
    const keys = valuesOnly ? [...this.formulas.keys()] : [...this.formulas.keys(), ...this.numberFormats.keys()];
    for (const k of keys) {
      const r = Math.floor(k / COLS);
      const c = k % COLS;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
  }

  private rowHasData(r: number, c0: number, c1: number): boolean {
    if (r < 0 || r >= ROWS) return false;
    for (let c = Math.max(0, c0); c <= Math.min(COLS - 1, c1); c++) if (!this.isEmpty(r, c)) return true;
    return false;
  }
  private colHasData(c: number, r0: number, r1: number): boolean {
    if (c < 0 || c >= COLS) return false;
    for (let r = Math.max(0, r0); r <= Math.min(ROWS - 1, r1); r++) if (!this.isEmpty(r, c)) return true;
    return false;
  }

  /** Current region (Ctrl+*) of one cell. */
  surroundingRegion(row: number, col: number): Rect {
    let r0 = row;
    let r1 = row;
    let c0 = col;
    let c1 = col;
    for (let changed = true; changed;) {
      changed = false;
      if (this.rowHasData(r0 - 1, c0 - 1, c1 + 1)) {
        r0--;
        changed = true;
      }
      if (this.rowHasData(r1 + 1, c0 - 1, c1 + 1)) {
        r1++;
        changed = true;
      }
      if (this.colHasData(c0 - 1, r0 - 1, r1 + 1)) {
        c0--;
        changed = true;
      }
      if (this.colHasData(c1 + 1, r0 - 1, r1 + 1)) {
        c1++;
        changed = true;
      }
    }
    return { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
  }
}

interface FakeTable {
  name: string;
  sheet: FakeSheet;
  /** Header + data rows. */
  rect: Rect;
  showHeaders: boolean;
}

/** Bytes per sync, for assertions. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  failed?: string;
  /** The cell writes of the sync, e.g. ["values Data!D2:E4", "numberFormat Data!D2:E4"]. */
  writes?: string[];
}

// ------------------------------------------------------------------ workbook

/** A workbook name: what it refers to (null once its cells or sheet are deleted: `#REF!`). */
export interface FakeName {
  name: string;
  ref: { sheet: FakeSheet; rect: Rect } | null;
  /** A name defined by a constant formula such as "=1" (not a range). */
  constant?: string;
  visible: boolean;
  comment: string;
}

/** A custom XML part. */
export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export type Shift = "Down" | "Right" | "Up" | "Left";

/**
 * How Excel adjusts a reference `ref` on the sheet where `op` cells are
 * inserted (Down, Right) or deleted (Up, Left): moved, grown or shrunk when
 * `op` spans the reference's full width (height); null (`#REF!`) when every
 * referenced cell is deleted; unchanged when `op` covers it only partly.
 */
export function adjustReference(ref: Rect, op: Rect, shift: Shift): Rect | null {
  const vertical = shift === "Down" || shift === "Up";
  // Work on (pos, len) along the shifted axis and (spanPos, spanLen) across it.
  const [pos, len, sp, sl] = vertical ? [ref.row, ref.rowCount, ref.col, ref.colCount] : [ref.col, ref.colCount, ref.row, ref.rowCount];
  const [opPos, k, opSp, opSl] = vertical ? [op.row, op.rowCount, op.col, op.colCount] : [op.col, op.colCount, op.row, op.rowCount];
  if (!(opSp <= sp && opSp + opSl >= sp + sl)) return ref;
  let np = pos;
  let nl = len;
  if (shift === "Down" || shift === "Right") {
    if (opPos <= pos) np = pos + k;
    else if (opPos < pos + len) nl = len + k;
  } else {
    const end = opPos + k;
    if (end <= pos) np = pos - k;
    else if (opPos < pos + len) {
      const overlap = Math.min(end, pos + len) - Math.max(opPos, pos);
      if (overlap >= len) return null;
      np = Math.min(pos, opPos);
      nl = len - overlap;
    }
  }
  return vertical
    ? { row: np, col: ref.col, rowCount: nl, colCount: ref.colCount }
    : { row: ref.row, col: np, rowCount: ref.rowCount, colCount: nl };
}

/** Where cell (r, c) goes when `op` is inserted or deleted: a new place, null (deleted) or undefined (stays). */
function movedCell(r: number, c: number, op: Rect, shift: Shift): [number, number] | null | undefined {
  const vertical = shift === "Down" || shift === "Up";
  const [p, s] = vertical ? [r, c] : [c, r];
  const [opPos, k, opSp, opSl] = vertical ? [op.row, op.rowCount, op.col, op.colCount] : [op.col, op.colCount, op.row, op.rowCount];
  if (s < opSp || s >= opSp + opSl || p < opPos) return undefined;
  let np: number;
  if (shift === "Down" || shift === "Right") np = p + k;
  else if (p < opPos + k) return null;
  else np = p - k;
  return vertical ? [np, c] : [r, np];
}

/** Characters XML 1.0 does not allow, and lone surrogates. */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** The namespace of a part's root element; throws InvalidArgument for XML Excel would reject. */
export function checkXml(xml: string): string {
  const bad = (why: string): never => {
    throw new FakeOfficeError("InvalidArgument", `The custom XML part is not well-formed: ${why}.`);
  };
  if (XML_FORBIDDEN.test(xml)) bad("a character XML does not allow");
  const body = xml.replace(/^\s*<\?xml[^?]*\?>\s*/, "");
  const root = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(body);
  if (!root) bad("no root element");
  const [, tag, attrs] = root as RegExpExecArray;
  const prefix = tag.includes(":") ? tag.split(":")[0] : null;
  const ns = new RegExp(`xmlns${prefix ? ":" + prefix : ""}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  if (!ns) bad("the root element declares no namespace");
  // Tags must nest; text must not hold a bare & or <.
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[6]) bad("a bare '<'");
    if (m[5] !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[5])) bad("a bare '&'");
      if (stack.length === 0 && m[5].trim() !== "") bad("text outside the root element");
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) bad(`unexpected </${m[2]}>`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (stack.length > 0) bad(`<${stack[stack.length - 1]}> is not closed`);
  return (ns as RegExpExecArray)[1];
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  settings = new Map<string, unknown>();
  /** Workbook-scoped names, by upper-case name. */
  names = new Map<string, FakeName>();
  xmlParts: FakeXmlPart[] = [];
  active: FakeSheet | null = null;
  selection: { sheet: FakeSheet; rect: Rect } | null = null;
  limit = FAKE_PAYLOAD_LIMIT;
  syncs: SyncRecord[] = [];
  /** Largest number of cells of one heavy-property load. */
  maxLoadCells = 0;
  /** Options of every `run` call (see `run`). */
  runOptions: unknown[] = [];
  /** Called at the start of every sync; throwing fails that sync like a host error (tests of failures). */
  beforeSync?: () => void;
  private nextId = 1;

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.filter((s) => !s.failed).map((s) => s.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.filter((s) => !s.failed).map((s) => s.responseBytes));
  }
  get payloadErrors(): string[] {
    return this.syncs.filter((s) => s.failed).map((s) => s.failed as string);
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }
  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  findSheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === nameOrId || s.name.toUpperCase() === nameOrId.toUpperCase());
  }

  /** Puts raw values (no parsing) at (row, col) of a sheet. Rows are copied. */
  put(sheetName: string, row: number, col: number, rows: readonly (readonly Scalar[])[]): void {
    const s = this.sheet(sheetName);
    rows.forEach((r, i) => {
      const target = s.values[row + i] ?? (s.values[row + i] = []);
      for (let j = 0; j < r.length; j++) target[col + j] = r[j];
    });
  }

  /** Adds a table with a header row and data rows at (row, col). */
  addTable(
    sheetName: string,
    name: string,
    row: number,
    col: number,
    header: readonly string[],
    rows: readonly (readonly Scalar[])[],
  ): void {
    this.put(sheetName, row, col, [header, ...rows]);
    this.tables.push({
      name,
      sheet: this.sheet(sheetName),
      rect: { row, col, rowCount: rows.length + 1, colCount: header.length },
      showHeaders: true,
    });
  }

  /** Selects `address` on a sheet (and activates it), like the user would. */
  select(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    const r = parseA1(address);
    if (!r) throw new Error(`bad address ${address}`);
    this.active = s;
    this.selection = { sheet: s, rect: r };
  }

  /** The user selects `address`: fires the sheet's onSelectionChanged handlers. */
  async userSelects(sheetName: string, address: string): Promise<void> {
    this.select(sheetName, address);
    const s = this.sheet(sheetName);
    await Promise.all([...s.handlers].map((h) => h({ address, worksheetId: s.id, type: "WorksheetSelectionChanged" })));
  }

  /** Value, formula and number format of one cell, by A1. */
  cell(sheetName: string, a1: string): { value: Scalar; formula?: string; numberFormat: string; quotePrefix: boolean } {
    const s = this.sheet(sheetName);
    const r = parseA1(a1) as Rect;
    const k = r.row * COLS + r.col;
    return {
      value: s.value(r.row, r.col),
      formula: s.formula(r.row, r.col),
      numberFormat: s.numberFormats.get(k) ?? "General",
      quotePrefix: s.quotePrefixed.has(k),
    };
  }

  /** A new RequestContext-like object. */
  context(): FakeContext {
    return new FakeContext(this);
  }

  /**
   * Excel.run-like: `run(batch)`, `run(options, batch)`, or `run(context, batch)`, which
   * reuses that context as office.js does (an event handler's remove() runs that way).
   * Records the options (undefined for none, and for a reused context).
   */
  async run<T>(a: unknown, b?: (ctx: FakeContext) => Promise<T>): Promise<T> {
    const batch = (b ?? a) as (ctx: FakeContext) => Promise<T>;
    if (b && a instanceof FakeContext) {
      this.runOptions.push(undefined);
      return batch(a);
    }
    this.runOptions.push(b ? a : undefined);
    return batch(this.context());
  }

  newId(): number {
    return this.nextId++;
  }

  /**
   * Inserts cells at `address` of a sheet, shifting cells down or right, as
   * the user (or Range.insert) does: "3:4" inserts two whole rows, "D5:E5"
   * two cells. Names and tables follow (see adjustReference).
   */
  insertCells(sheetName: string, address: string, shift: "Down" | "Right"): void {
    this.shiftCells(this.sheet(sheetName), parseA1(address) as Rect, shift);
  }

  /** Deletes cells at `address`, shifting cells up or left ("3:3" deletes row 3). */
  deleteCells(sheetName: string, address: string, shift: "Up" | "Left"): void {
    this.shiftCells(this.sheet(sheetName), parseA1(address) as Rect, shift);
  }

  shiftCells(sheet: FakeSheet, op: Rect, shift: Shift): void {
    sheet.moveCells((r, c) => movedCell(r, c, op, shift));
    for (const n of this.names.values()) {
      if (n.ref && n.ref.sheet === sheet) {
        const rect = adjustReference(n.ref.rect, op, shift);
        n.ref = rect ? { sheet, rect } : null;
      }
    }
    this.tables = this.tables.filter((t) => {
      if (t.sheet !== sheet) return true;
      const rect = adjustReference(t.rect, op, shift);
      if (rect) t.rect = rect;
      return rect !== null;
    });
  }

  /** The formula of a name as Excel shows it, e.g. "=Data!$D$1:$E$4" ("=#REF!" once its cells are gone). */
  nameFormula(n: FakeName): string {
    if (n.constant !== undefined) return n.constant;
    if (!n.ref || !this.sheets.includes(n.ref.sheet)) return "=#REF!";
    const { row, col, rowCount, colCount } = n.ref.rect;
    const abs = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
    const a = abs(row, col);
    const range = rowCount === 1 && colCount === 1 ? a : `${a}:${abs(row + rowCount - 1, col + colCount - 1)}`;
    return `=${quoteSheet(n.ref.sheet.name)}!${range}`;
  }
}

// ------------------------------------------------------------------ context and proxies

interface Op {
  requestBytes: number;
  /** What a cell write did, e.g. "numberFormat Data!D2:E4" (recorded per sync). */
  label?: string;
  /** Runs the operation; returns the response bytes and a commit for loaded values. */
  run(): { responseBytes?: number; commit?: () => void } | void;
}

export class FakeContext {
  queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.queue;
    this.queue = [];
    this.excel.beforeSync?.();
    const requestBytes = ops.reduce((n, o) => n + o.requestBytes + OP_OVERHEAD, 0);
    if (requestBytes > this.excel.limit) {
      this.excel.syncs.push({ requestBytes, responseBytes: 0, failed: "RequestPayloadSizeLimitExceeded" });
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    let responseBytes = 0;
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const r = op.run();
      if (r) {
        responseBytes += r.responseBytes ?? 0;
        if (r.commit) commits.push(r.commit);
      }
    }
    if (responseBytes > this.excel.limit) {
      this.excel.syncs.push({ requestBytes, responseBytes, failed: "ResponsePayloadSizeLimitExceeded" });
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    }
    const writes = ops.flatMap((o) => (o.label ? [o.label] : []));
    this.excel.syncs.push(writes.length > 0 ? { requestBytes, responseBytes, writes } : { requestBytes, responseBytes });
    commits.forEach((c) => c());
  }
}

function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Base of proxies: loaded property bag, load(), null-object handling. */
abstract class FakeProxy<E> {
  protected loaded = new Map<string, unknown>();
  private nullChecked: boolean | undefined;
  constructor(
    readonly context: FakeContext,
    protected readonly resolver: () => E | null,
    nullable = false,
  ) {
    if (nullable) {
      context.enqueue({
        requestBytes: 0,
        run: () => {
          const isNull = this.resolver() === null;
          return { commit: () => (this.nullChecked = isNull) };
        },
      });
    }
  }
  get isNullObject(): boolean {
    if (this.nullChecked === undefined) notLoaded("isNullObject");
    return this.nullChecked;
  }
  /** The entity; throws ItemNotFound when it does not exist (at sync time). */
  entity(): E {
    const e = this.resolver();
    if (e === null) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return e;
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) notLoaded(prop);
    return this.loaded.get(prop) as T;
  }
  /** Snapshot of scalar properties (all of them are loaded whatever was asked). */
  protected abstract scalars(e: E): Record<string, unknown>;
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : Array.isArray(props) ? props : [];
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const e = this.resolver();
        if (e === null) return { commit: () => void 0 };
        const snap = this.scalars(e);
        const heavy = this.heavy(e, list);
        const bytes = Object.values(heavy).reduce<number>((n, v) => n + jsonBytes(v), 0) + jsonBytes(snap);
        return {
          responseBytes: bytes,
          commit: () => {
            for (const [k, v] of Object.entries(snap)) this.loaded.set(k, v);
            for (const [k, v] of Object.entries(heavy)) this.loaded.set(k, v);
          },
        };
      },
    });
    return this;
  }
  /** Heavy properties asked for by name (ranges override). */
  protected heavy(_e: E, _props: string[]): Record<string, unknown> {
    return {};
  }
  protected queue(requestBytes: number, run: () => void): void {
    this.context.enqueue({ requestBytes, run });
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly customXmlParts: CustomXmlPartCollectionProxy;
  constructor(readonly context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
    this.customXmlParts = new CustomXmlPartCollectionProxy(context, null);
  }
  getSelectedRange(): RangeProxy {
    const x = this.context.excel;
    return new RangeProxy(this.context, () => {
      if (!x.selection) throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      return { sheet: x.selection.sheet, rect: x.selection.rect };
    });
  }
}

// ---- worksheets

class WorksheetCollectionProxy {
  private loadedItems: WorksheetProxy[] | undefined;
  constructor(readonly context: FakeContext) {}
  get items(): WorksheetProxy[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(_props?: unknown): this {
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const sheets = [...this.context.excel.sheets];
        return {
          responseBytes: jsonBytes(sheets.map((s) => ({ id: s.id, name: s.name }))),
          commit: () => (this.loadedItems = sheets.map((s) => WorksheetProxy.loadedFrom(this.context, s))),
        };
      },
    });
    return this;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.context.excel.findSheet(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${key}`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.excel.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.excel.active);
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.context.enqueue({
      requestBytes: jsonBytes(name),
      run: () => {
        if (this.context.excel.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
        created = this.context.excel.addSheet(name);
      },
    });
    return new WorksheetProxy(this.context, () => created);
  }
}

class WorksheetProxy extends FakeProxy<FakeSheet> {
  static loadedFrom(ctx: FakeContext, s: FakeSheet): WorksheetProxy {
    const p = new WorksheetProxy(ctx, () => (ctx.excel.sheets.includes(s) ? s : null));
    p.loaded.set("id", s.id);
    p.loaded.set("name", s.name);
    return p;
  }
  protected scalars(s: FakeSheet) {
    return { id: s.id, name: s.name };
  }
  get name(): string {
    return this.get("name");
  }
  /** Renames the sheet at sync (the id stays); a name another sheet has is refused. */
  set name(v: string) {
    this.queue(jsonBytes(v), () => {
      const s = this.entity();
      const other = this.context.excel.findSheet(v);
      if (other && other !== s) throw new FakeOfficeError("InvalidArgument", `A sheet named ${v} exists.`);
      s.name = v;
    });
  }
  get id(): string {
    return this.get("id");
  }
  private chartsProxy: ChartCollectionProxy | undefined;
  get charts(): ChartCollectionProxy {
    return (this.chartsProxy ??= new ChartCollectionProxy(this.context, () => this.entity()));
  }
  get onSelectionChanged() {
    return {
      add: (handler: SelectionHandler) => {
        this.queue(0, () => this.entity().handlers.add(handler));
        return {
          context: this.context,
          remove: () => this.queue(0, () => this.entity().handlers.delete(handler)),
        };
      },
    };
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.entity(), rect: { row, col, rowCount, colCount } }));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const rect = address === undefined ? { row: 0, col: 0, rowCount: ROWS, colCount: COLS } : parseA1(address);
      if (!rect) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
      return { sheet: this.entity(), rect };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this.entity();
        const rect = s.usedRect(valuesOnly === true);
        return rect ? { sheet: s, rect } : null;
      },
      true,
    );
  }
  activate(): void {
    this.queue(0, () => (this.context.excel.active = this.entity()));
  }
  delete(): void {
    this.queue(0, () => {
      const x = this.context.excel;
      const s = this.entity();
      x.sheets = x.sheets.filter((t) => t !== s);
      if (x.active === s) x.active = x.sheets[0] ?? null;
    });
  }
}

// ---- ranges

interface RangeRef {
  sheet: FakeSheet;
  rect: Rect;
}

const HEAVY = ["values", "formulas", "numberFormat", "valueTypes"] as const;
type Heavy = (typeof HEAVY)[number];

class RangeProxy extends FakeProxy<RangeRef> {
  protected scalars(r: RangeRef) {
    const { row, col, rowCount, colCount } = r.rect;
    return {
      address: qualifiedA1(r.sheet.name, row, col, rowCount, colCount),
      rowIndex: row,
      columnIndex: col,
      rowCount,
      columnCount: colCount,
      cellCount: rowCount * colCount,
    };
  }
  protected override heavy(r: RangeRef, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if ((HEAVY as readonly string[]).includes(p)) {
        const cells = r.rect.rowCount * r.rect.colCount;
        this.context.excel.maxLoadCells = Math.max(this.context.excel.maxLoadCells, cells);
        if (cells > 5_000_000) throw new FakeOfficeError("RangeExceedsLimit", "A get operation is limited to 5,000,000 cells.");
        out[p] = r.sheet.read(r.rect, p as Heavy);
      }
    }
    return out;
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown) {
    this.write("values", v);
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown) {
    this.write("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  set numberFormat(v: unknown) {
    this.write("numberFormat", v);
  }
  /**
   * values / formulas / numberFormat: only the documented form, a 2-D array
   * of exactly the range's size (`any[][]` in office-js; a single value
   * "applied to all cells" is no longer in the reference), so a write that
   * relies on broadcasting fails here. Its JSON bytes count toward the
   * request; `null` leaves that cell (value or format) as it is.
   */
  private write(prop: Exclude<Heavy, "valueTypes">, v: unknown): void {
    const op = { requestBytes: jsonBytes(v), label: undefined as string | undefined, run: () => {} };
    this.context.enqueue(op);
    op.run = () => {
      const { sheet, rect } = this.entity();
      op.label = `${prop} ${qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount)}`;
      const at = (i: number, j: number): unknown => (v as unknown[][])[i][j];
      if (!Array.isArray(v))
        throw new FakeOfficeError(
          "InvalidArgument",
          `Range.${prop} takes a two-dimensional array of the range's size (${rect.rowCount}×${rect.colCount}), not a single value.`,
        );
      if (v.length !== rect.rowCount || v.some((r) => !Array.isArray(r) || r.length !== rect.colCount)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rowCount}×${rect.colCount}).`,
        );
      }
      for (let i = 0; i < rect.rowCount; i++) {
        for (let j = 0; j < rect.colCount; j++) {
          const x = at(i, j);
          const r = rect.row + i;
          const c = rect.col + j;
          if (prop === "numberFormat") {
            if (x !== null && x !== undefined) sheet.numberFormats.set(r * COLS + c, String(x));
          } else sheet.enter(r, c, x);
        }
      }
    };
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.entity().sheet);
  }
  get format() {
    const log = (prop: string) => (value: unknown) =>
      this.queue(jsonBytes(value), () => {
        const { sheet, rect } = this.entity();
        sheet.formatOps.push({
          address: qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount).split("!")[1],
          prop,
          value,
        });
      });
    const setter = (prefix: string, props: string[]) => {
      const o: Record<string, unknown> = {};
      for (const p of props) Object.defineProperty(o, p, { set: log(`${prefix}${p}`), enumerable: true });
      return o;
    };
    return {
      font: setter("font.", ["bold", "size", "color", "name", "italic"]),
      fill: setter("fill.", ["color"]),
      autofitColumns: () => log("autofitColumns")(true),
    };
  }
  get conditionalFormats() {
    return {
      add: (type: string) => {
        let cf: FakeConditionalFormat | null = null;
        this.queue(OP_OVERHEAD, () => {
          const { sheet, rect } = this.entity();
          cf = { address: qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount).split("!")[1], type };
          sheet.conditionalFormats.push(cf);
        });
        const set = (f: (c: FakeConditionalFormat) => void) => this.queue(OP_OVERHEAD, () => f(cf as FakeConditionalFormat));
        const cellValue = {
          format: {
            fill: {
              set color(v: string) {
                set((c) => (c.fill = v));
              },
            },
            font: {
              set color(v: string) {
                set((c) => (c.font = v));
              },
            },
          },
          set rule(v: { formula1: string; operator: string }) {
            set((c) => (c.rule = { ...v }));
          },
        };
        return { cellValue };
      },
      clearAll: () =>
        this.queue(0, () => {
          const { sheet, rect } = this.entity();
          sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => {
            const r = parseA1(c.address) as Rect;
            return (
              r.row + r.rowCount <= rect.row ||
              r.row >= rect.row + rect.rowCount ||
              r.col + r.colCount <= rect.col ||
              r.col >= rect.col + rect.colCount
            );
          });
        }),
    };
  }
  getCell(i: number, j: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.entity();
      return { sheet, rect: { row: rect.row + i, col: rect.col + j, rowCount: 1, colCount: 1 } };
    });
  }
  getResizedRange(dr: number, dc: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.entity();
      return { sheet, rect: { ...rect, rowCount: rect.rowCount + dr, colCount: rect.colCount + dc } };
    });
  }
  getSurroundingRegion(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.entity();
      return { sheet, rect: sheet.surroundingRegion(rect.row, rect.col) };
    });
  }
  select(): void {
    this.queue(0, () => {
      const { sheet, rect } = this.entity();
      this.context.excel.active = sheet;
      this.context.excel.selection = { sheet, rect };
    });
  }
  /** "All" (default), "Contents" (values and formulas) or "Formats" (number formats, conditional formats, format calls). */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.queue(0, () => {
      const { sheet, rect } = this.entity();
      const contents = applyTo !== "Formats";
      const formats = applyTo !== "Contents";
      const whole = rect.rowCount >= ROWS && rect.colCount >= COLS;
      if (whole) {
        if (contents) {
          sheet.values = [];
          sheet.formulas.clear();
          sheet.quotePrefixed.clear();
          sheet.errors.clear();
        }
        if (formats) {
          sheet.numberFormats.clear();
          sheet.conditionalFormats = [];
          sheet.formatOps = [];
        }
        return;
      }
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.col; c < rect.col + rect.colCount; c++) {
          if (contents) sheet.clearCell(r, c);
          if (formats) sheet.numberFormats.delete(r * COLS + c);
        }
      }
    });
  }
  /** Inserts cells of this range's size here, shifting the cells down or right (names and tables follow). */
  insert(shift: "Down" | "Right"): RangeProxy {
    let made: RangeRef | null = null;
    this.queue(OP_OVERHEAD, () => {
      const ref = this.entity();
      this.context.excel.shiftCells(ref.sheet, ref.rect, shift);
      made = ref;
    });
    return new RangeProxy(this.context, () => made);
  }
  /** Deletes this range's cells, shifting the cells up or left (names and tables follow). */
  delete(shift: "Up" | "Left"): void {
    this.queue(OP_OVERHEAD, () => {
      const { sheet, rect } = this.entity();
      this.context.excel.shiftCells(sheet, rect, shift);
    });
  }
}

// ---- tables

class TableCollectionProxy {
  private loadedItems: TableProxy[] | undefined;
  constructor(readonly context: FakeContext) {}
  get items(): TableProxy[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(_props?: unknown): this {
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const tables = [...this.context.excel.tables];
        return {
          responseBytes: jsonBytes(tables.map((t) => t.name)),
          commit: () => (this.loadedItems = tables.map((t) => TableProxy.loadedFrom(this.context, t))),
        };
      },
    });
    return this;
  }
  private find(name: string): FakeTable | null {
    return this.context.excel.tables.find((t) => t.name.toUpperCase() === name.toUpperCase()) ?? null;
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const t = this.find(name);
      if (!t) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return t;
    });
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => this.find(name), true);
  }
}

class TableProxy extends FakeProxy<FakeTable> {
  static loadedFrom(ctx: FakeContext, t: FakeTable): TableProxy {
    const p = new TableProxy(ctx, () => t);
    p.loaded.set("name", t.name);
    p.loaded.set("showHeaders", t.showHeaders);
    return p;
  }
  protected scalars(t: FakeTable) {
    return { name: t.name, showHeaders: t.showHeaders };
  }
  get name(): string {
    return this.get("name");
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.entity().sheet);
  }
  private part(f: (r: Rect) => Rect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.entity();
      return { sheet: t.sheet, rect: f(t.rect) };
    });
  }
  getRange(): RangeProxy {
    return this.part((r) => r);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((r) => ({ ...r, rowCount: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part((r) => ({ ...r, row: r.row + 1, rowCount: r.rowCount - 1 }));
  }
}

// ---- names

/** A name is a letter, "_" or "\\" then letters, digits, "_", "." or "\\"; never a cell reference. */
function validName(name: string): boolean {
  return /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[RrCc]$/.test(name) && name.length <= 255;
}

class NamedItemCollectionProxy {
  private loadedItems: NamedItemProxy[] | undefined;
  constructor(readonly context: FakeContext) {}
  get items(): NamedItemProxy[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(_props?: unknown): this {
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const names = [...this.context.excel.names.values()];
        return {
          responseBytes: jsonBytes(names.map((n) => n.name)),
          commit: () => (this.loadedItems = names.map((n) => NamedItemProxy.loadedFrom(this.context, n))),
        };
      },
    });
    return this;
  }
  /** Adds a workbook-scoped name referring to a Range or to a formula such as "=Data!$A$1:$B$2". */
  add(name: string, reference: RangeProxy | string, comment = ""): NamedItemProxy {
    let made: FakeName | null = null;
    const bytes = jsonBytes(name) + (typeof reference === "string" ? jsonBytes(reference) : OP_OVERHEAD);
    this.context.enqueue({
      requestBytes: bytes,
      run: () => {
        const x = this.context.excel;
        if (!validName(name)) throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
        if (x.names.has(name.toUpperCase())) throw new FakeOfficeError("ItemAlreadyExists", `A name "${name}" exists.`);
        let n: FakeName;
        if (typeof reference === "string") {
          const r = parseA1(reference.replace(/^=/, "").replace(/\$/g, ""));
          const sheet = r?.sheet !== undefined ? x.findSheet(r.sheet) : undefined;
          n =
            r && sheet
              ? { name, ref: { sheet, rect: r }, visible: true, comment }
              : { name, ref: null, constant: reference.startsWith("=") ? reference : `=${reference}`, visible: true, comment };
        } else {
          const { sheet, rect } = reference.entity();
          n = { name, ref: { sheet, rect: { ...rect } }, visible: true, comment };
        }
        x.names.set(name.toUpperCase(), n);
        made = n;
      },
    });
    return new NamedItemProxy(this.context, () => made);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => {
      const n = this.context.excel.names.get(name.toUpperCase());
      if (!n) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.context.excel.names.get(name.toUpperCase()) ?? null, true);
  }
}

class NamedItemProxy extends FakeProxy<FakeName> {
  static loadedFrom(ctx: FakeContext, n: FakeName): NamedItemProxy {
    const p = new NamedItemProxy(ctx, () => ([...ctx.excel.names.values()].includes(n) ? n : null));
    for (const [k, v] of Object.entries(p.scalars(n))) p.loaded.set(k, v);
    return p;
  }
  protected scalars(n: FakeName) {
    const formula = this.context.excel.nameFormula(n);
    const broken = formula.includes("#REF!");
    return {
      name: n.name,
      formula,
      visible: n.visible,
      comment: n.comment,
      type: n.constant !== undefined ? "String" : broken ? "Error" : "Range",
      value: broken ? "#REF!" : formula.slice(1).replace(/\$/g, ""),
      scope: "Workbook",
    };
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  get value(): unknown {
    return this.get("value");
  }
  get type(): string {
    return this.get("type");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.queue(OP_OVERHEAD, () => void (this.entity().visible = v));
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const n = this.resolver();
        if (!n || !n.ref || !this.context.excel.sheets.includes(n.ref.sheet)) return null;
        return { sheet: n.ref.sheet, rect: n.ref.rect };
      },
      true,
    );
  }
  delete(): void {
    this.queue(0, () => {
      const n = this.entity();
      this.context.excel.names.delete(n.name.toUpperCase());
    });
  }
}

// ---- custom XML parts

/** A value available after the sync that computes it (OfficeExtension.ClientResult). */
class FakeClientResult<T> {
  private done = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) notLoaded("value");
    return this.v as T;
  }
}

class CustomXmlPartCollectionProxy {
  private loadedItems: CustomXmlPartProxy[] | undefined;
  /** `ns` null: every part of the workbook; otherwise the parts of that namespace (getByNamespace). */
  constructor(
    readonly context: FakeContext,
    private readonly ns: string | null,
  ) {}
  private parts(): FakeXmlPart[] {
    return this.context.excel.xmlParts.filter((p) => this.ns === null || p.namespaceUri === this.ns);
  }
  get items(): CustomXmlPartProxy[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(_props?: unknown): this {
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const parts = this.parts();
        return {
          responseBytes: jsonBytes(parts.map((p) => [p.id, p.namespaceUri])),
          commit: () => (this.loadedItems = parts.map((p) => CustomXmlPartProxy.loadedFrom(this.context, p))),
        };
      },
    });
    return this;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const n = this.parts().length;
        return { responseBytes: 8, commit: () => r.set(n) };
      },
    });
    return r;
  }
  add(xml: string): CustomXmlPartProxy {
    if (this.ns !== null) throw new FakeOfficeError("InvalidOperation", "add is not available on a scoped collection");
    let made: FakeXmlPart | null = null;
    this.context.enqueue({
      requestBytes: jsonBytes(xml),
      run: () => {
        const namespaceUri = checkXml(xml);
        const x = this.context.excel;
        made = { id: `{${String(x.newId()).padStart(8, "0")}-0000-4000-8000-000000000000}`, namespaceUri, xml };
        x.xmlParts.push(made);
      },
    });
    return new CustomXmlPartProxy(this.context, () => made);
  }
  getItem(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => {
      const p = this.parts().find((q) => q.id === id);
      if (!p) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${id}`);
      return p;
    });
  }
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.context, () => this.parts().find((q) => q.id === id) ?? null, true);
  }
  getByNamespace(namespaceUri: string): CustomXmlPartCollectionProxy {
    return new CustomXmlPartCollectionProxy(this.context, namespaceUri);
  }
}

class CustomXmlPartProxy extends FakeProxy<FakeXmlPart> {
  static loadedFrom(ctx: FakeContext, p: FakeXmlPart): CustomXmlPartProxy {
    const q = new CustomXmlPartProxy(ctx, () => (ctx.excel.xmlParts.includes(p) ? p : null));
    q.loaded.set("id", p.id);
    q.loaded.set("namespaceUri", p.namespaceUri);
    return q;
  }
  protected scalars(p: FakeXmlPart) {
    return { id: p.id, namespaceUri: p.namespaceUri };
  }
  get id(): string {
    return this.get("id");
  }
  get namespaceUri(): string {
    return this.get("namespaceUri");
  }
  /**
   * The part's XML, as a host may serialise it: with an XML declaration in
   * front (readers must not expect the exact text they wrote).
   */
  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>();
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const p = this.entity();
        const xml = p.xml.startsWith("<?xml") ? p.xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${p.xml}`;
        return { responseBytes: jsonBytes(xml), commit: () => r.set(xml) };
      },
    });
    return r;
  }
  setXml(xml: string): void {
    this.context.enqueue({
      requestBytes: jsonBytes(xml),
      run: () => {
        const p = this.entity();
        const ns = checkXml(xml);
        p.xml = xml;
        p.namespaceUri = ns;
      },
    });
  }
  delete(): void {
    this.queue(0, () => {
      const p = this.entity();
      this.context.excel.xmlParts = this.context.excel.xmlParts.filter((q) => q !== p);
    });
  }
}

// ---- settings

class SettingCollectionProxy {
  constructor(readonly context: FakeContext) {}
  add(key: string, value: unknown): void {
    this.context.enqueue({ requestBytes: jsonBytes(key) + jsonBytes(value), run: () => void this.context.excel.settings.set(key, value) });
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, key, () => (this.context.excel.settings.has(key) ? key : null), true);
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, key, () => {
      if (!this.context.excel.settings.has(key)) throw new FakeOfficeError("ItemNotFound", `no setting ${key}`);
      return key;
    });
  }
}

class SettingProxy extends FakeProxy<string> {
  constructor(
    context: FakeContext,
    readonly keyName: string,
    resolver: () => string | null,
    nullable = false,
  ) {
    super(context, resolver, nullable);
  }
  protected scalars(k: string) {
    return { key: k, value: this.context.excel.settings.get(k) };
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  delete(): void {
    this.queue(0, () => void this.context.excel.settings.delete(this.entity()));
  }
}

// ---- charts

class ChartCollectionProxy {
  private loadedItems: ChartProxy[] | undefined;
  constructor(
    readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  get items(): ChartProxy[] {
    if (!this.loadedItems) notLoaded("items");
    return this.loadedItems;
  }
  load(_props?: unknown): this {
    this.context.enqueue({
      requestBytes: 0,
      run: () => {
        const s = this.sheet();
        const charts = [...s.charts];
        return {
          responseBytes: jsonBytes(charts.map((c) => c.name)),
          commit: () => (this.loadedItems = charts.map((c) => new ChartProxy(this.context, () => ({ sheet: s, chart: c })))),
        };
      },
    });
    return this;
  }
  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let made: { sheet: FakeSheet; chart: FakeChart } | null = null;
    this.context.enqueue({
      requestBytes: OP_OVERHEAD,
      run: () => {
        const s = this.sheet();
        const { sheet, rect } = source.entity();
        const id = this.context.excel.newId();
        const address = qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount);
        const chart: FakeChart = {
          id,
          name: `Chart ${id}`,
          type,
          source: address,
          seriesBy,
          title: "",
          series: [{ name: `Series1`, values: address }],
        };
        s.charts.push(chart);
        made = { sheet: s, chart };
      },
    });
    return new ChartProxy(this.context, () => made);
  }
}

function addressOf(r: RangeProxy): string {
  const { sheet, rect } = r.entity();
  return qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount);
}

class ChartProxy extends FakeProxy<{ sheet: FakeSheet; chart: FakeChart }> {
  protected scalars(e: { chart: FakeChart }) {
    return { name: e.chart.name, id: String(e.chart.id) };
  }
  get name(): string {
    return this.get("name");
  }
  get title() {
    const set = (v: string) => this.queue(jsonBytes(v), () => void (this.entity().chart.title = v));
    return {
      set text(v: string) {
        set(v);
      },
    };
  }
  get series() {
    const series = (pick: (c: FakeChart) => FakeSeries) => {
      const on = (f: (s: FakeSeries) => void, bytes = OP_OVERHEAD) => this.queue(bytes, () => f(pick(this.entity().chart)));
      return {
        set name(v: string) {
          on((s) => (s.name = v), jsonBytes(v));
        },
        setValues: (r: RangeProxy) => on((s) => (s.values = addressOf(r))),
        setXAxisValues: (r: RangeProxy) => on((s) => (s.xValues = addressOf(r))),
      };
    };
    return {
      getItemAt: (i: number) =>
        series((c) => {
          const s = c.series[i];
          if (!s) throw new FakeOfficeError("ItemNotFound", `no series ${i}`);
          return s;
        }),
      add: (name: string) => {
        let made: FakeSeries | null = null;
        this.queue(jsonBytes(name), () => {
          made = { name };
          this.entity().chart.series.push(made);
        });
        return series(() => made as unknown as FakeSeries);
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.queue(OP_OVERHEAD, () => void (this.entity().chart.position = { start, end }));
  }
  delete(): void {
    this.queue(0, () => {
      const { sheet, chart } = this.entity();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

/** Column letters, re-exported for tests building addresses. */
export { columnLetters };

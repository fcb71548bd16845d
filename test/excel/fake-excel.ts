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
 */
import { columnLetters, parseA1, qualifiedA1, Rect } from "../../src/excel/address";
import { jsonBytes } from "../../src/excel/payload";

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
  }

  /** Excel-like typed input (see the file comment). */
  enter(r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const k = r * COLS + c;
    if (typeof input === "number" || typeof input === "boolean") {
      this.formulas.delete(k);
      this.quotePrefixed.delete(k);
      this.setRaw(r, c, input);
      return;
    }
    if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `cannot write ${typeof input}`);
    if (input === "") return this.clearCell(r, c);
    this.formulas.delete(k);
    this.quotePrefixed.delete(k);
    if (this.numberFormats.get(k) === "@") return this.setRaw(r, c, input);
    if (input.startsWith("'")) {
      this.quotePrefixed.add(k);
      return this.setRaw(r, c, input.slice(1));
    }
    if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(input)) return this.setRaw(r, c, Number(input));
    const m = /^[\s\u00a0\u3000]*(.)/u.exec(input);
    if (m && "=+-@".includes(m[1].normalize("NFKC"))) {
      const t = input.trimStart();
      this.formulas.set(k, t.startsWith("=") ? t : "=" + t);
      return this.setRaw(r, c, "#FORMULA");
    }
    this.setRaw(r, c, input);
  }

  read(rect: Rect, prop: "values" | "formulas" | "numberFormat"): unknown[][] {
    const out: unknown[][] = new Array(rect.rowCount);
    for (let i = 0; i < rect.rowCount; i++) {
      const r = rect.row + i;
      const src = this.values[r];
      const row: unknown[] = new Array(rect.colCount);
      for (let j = 0; j < rect.colCount; j++) {
        const c = rect.col + j;
        if (prop === "numberFormat") row[j] = this.numberFormats.get(r * COLS + c) ?? "General";
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

  /** Bounding box of non-empty cells, or null. */
  usedRect(): Rect | null {
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
    for (const k of this.formulas.keys()) {
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
    for (let changed = true; changed; ) {
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
}

// ------------------------------------------------------------------ workbook

export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  settings = new Map<string, unknown>();
  active: FakeSheet | null = null;
  selection: { sheet: FakeSheet; rect: Rect } | null = null;
  limit = FAKE_PAYLOAD_LIMIT;
  syncs: SyncRecord[] = [];
  /** Largest number of cells of one heavy-property load. */
  maxLoadCells = 0;
  /** Options of every `run` call (see `run`). */
  runOptions: unknown[] = [];
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
  addTable(sheetName: string, name: string, row: number, col: number, header: readonly string[], rows: readonly (readonly Scalar[])[]): void {
    this.put(sheetName, row, col, [header, ...rows]);
    this.tables.push({ name, sheet: this.sheet(sheetName), rect: { row, col, rowCount: rows.length + 1, colCount: header.length }, showHeaders: true });
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
    return { value: s.value(r.row, r.col), formula: s.formula(r.row, r.col), numberFormat: s.numberFormats.get(k) ?? "General", quotePrefix: s.quotePrefixed.has(k) };
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
}

// ------------------------------------------------------------------ context and proxies

interface Op {
  requestBytes: number;
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
    const requestBytes = ops.reduce((n, o) => n + o.requestBytes + OP_OVERHEAD, 0);
    if (requestBytes > this.excel.limit) {
      this.excel.syncs.push({ requestBytes, responseBytes: 0, failed: "RequestPayloadSizeLimitExceeded" });
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
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
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    this.excel.syncs.push({ requestBytes, responseBytes });
    commits.forEach((c) => c());
  }
}

function notLoaded(prop: string): never {
  throw new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
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
  constructor(readonly context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
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
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this.entity();
        const rect = s.usedRect();
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

const HEAVY = ["values", "formulas", "numberFormat"] as const;
type Heavy = (typeof HEAVY)[number];

class RangeProxy extends FakeProxy<RangeRef> {
  protected scalars(r: RangeRef) {
    const { row, col, rowCount, colCount } = r.rect;
    return { address: qualifiedA1(r.sheet.name, row, col, rowCount, colCount), rowIndex: row, columnIndex: col, rowCount, columnCount: colCount, cellCount: rowCount * colCount };
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
  private write(prop: Heavy, v: unknown): void {
    this.queue(jsonBytes(v), () => {
      const { sheet, rect } = this.entity();
      const at = (i: number, j: number): unknown => (v as unknown[][])[i][j];
      if (!Array.isArray(v)) throw new FakeOfficeError("InvalidArgument", `Range.${prop} takes a two-dimensional array of the range's size (${rect.rowCount}×${rect.colCount}), not a single value.`);
      if (v.length !== rect.rowCount || v.some((r) => !Array.isArray(r) || r.length !== rect.colCount)) {
        throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rowCount}×${rect.colCount}).`);
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
    });
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.entity().sheet);
  }
  get format() {
    const log = (prop: string) => (value: unknown) =>
      this.queue(jsonBytes(value), () => {
        const { sheet, rect } = this.entity();
        sheet.formatOps.push({ address: qualifiedA1(sheet.name, rect.row, rect.col, rect.rowCount, rect.colCount).split("!")[1], prop, value });
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
            fill: { set color(v: string) { set((c) => (c.fill = v)); } },
            font: { set color(v: string) { set((c) => (c.font = v)); } },
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
            return r.row + r.rowCount <= rect.row || r.row >= rect.row + rect.rowCount || r.col + r.colCount <= rect.col || r.col >= rect.col + rect.colCount;
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
  clear(_applyTo?: string): void {
    this.queue(0, () => {
      const { sheet, rect } = this.entity();
      const whole = rect.rowCount >= ROWS && rect.colCount >= COLS;
      if (whole) {
        sheet.values = [];
        sheet.formulas.clear();
        sheet.numberFormats.clear();
        sheet.quotePrefixed.clear();
        sheet.conditionalFormats = [];
        sheet.formatOps = [];
        return;
      }
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.col; c < rect.col + rect.colCount; c++) sheet.clearCell(r, c);
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
        return { responseBytes: jsonBytes(tables.map((t) => t.name)), commit: () => (this.loadedItems = tables.map((t) => TableProxy.loadedFrom(this.context, t))) };
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
        return { responseBytes: jsonBytes(charts.map((c) => c.name)), commit: () => (this.loadedItems = charts.map((c) => new ChartProxy(this.context, () => ({ sheet: s, chart: c })))) };
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
        const chart: FakeChart = { id, name: `Chart ${id}`, type, source: address, seriesBy, title: "", series: [{ name: `Series1`, values: address }] };
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

/**
 * Formulas declared, not hand-coded: a function's parameters (name, shape, kind, optional, default, rules,
 * choices) are data, and `runRows` reads and validates Excel's arguments from that data before the pure
 * core sees them, the way HyperFormula's `implementedFunctions` metadata drives its `runFunction`.
 *
 *   const CEI_SPEC = { id: "CEI", params: [{ name: "begin_ar", shape: "column", kind: "amount" }, …] } as const satisfies FunctionSpec;
 *   runRows(CEI_SPEC, args, (row) => cei(row.begin_ar, …))   // row.begin_ar: number, row.months: number (default), row.convention: "monthly" | "period"
 *
 * Messages come from the readers (`src/engine/cells.ts`, `dates.ts`, `spill.ts`), so they are catalogue
 * messages in English and Chinese and name the parameter as the spec names it. The parameter names, order and
 * optionality are the same as the custom function's JSDoc (test/functions/metadata.test.ts checks the
 * generated metadata against these specs; the Chinese help is checked against them too).
 */
import { NumberRules, readChoice, readNumber, readOptionalNumber, scalarOf } from "./cells";
import { readOptionalSerial, readSerial } from "./dates";
import { Result, isEngineError } from "./errors";
import { Spill, SpillCell, Vector, at, broadcastLength, dataRows, isBlankRow, isHorizontal, readVector, toSpill } from "./spill";
import { readFlag, readOptionalDate, requireVector, singleCell } from "./receivables/common";
import type { EngineError } from "./errors";

/** How Excel passes the argument: one cell, a column (or row) with one value per result row, or a whole range. */
export type Shape = "scalar" | "column" | "matrix";
/** What the argument means (a number kind, a date serial, one of a list of words, a text, a yes/no flag, a table). */
export type Kind = "amount" | "ratio" | "count" | "date" | "enum" | "text" | "flag" | "score" | "table";

export interface ParamSpec {
  readonly name: string;
  readonly shape: Shape;
  readonly kind: Kind;
  /** Omitted (or blank) is allowed; it reads as `default`, or null without one. */
  readonly optional?: boolean;
  readonly default?: number | string;
  /** Bounds the reader enforces (min, max, whole number). Domain rules stay in the pure core. */
  readonly rules?: NumberRules;
  /** The words an enum accepts (case, spaces, "-" and "_" ignored). */
  readonly choices?: readonly string[];
  /** Blank in every data parameter = a blank row (gives "" without calling the core). */
  readonly data?: boolean;
  /** A required argument whose cells may be blank (e.g. paid dates: blank = still open); a 0 date is blank too. */
  readonly blankCells?: boolean;
  /** A blank cell here means the row has no data: its result is "" and the row's later cells are not read. */
  readonly blankMeansNoRow?: boolean;
  /** A required argument that a caller may still leave out (Excel cannot; a script can): it reads as blank cells. */
  readonly omittable?: boolean;
  /** How a whole-range argument (kind "table", e.g. a dunning ladder) is read: once per call, before the columns. */
  readonly read?: (arg: unknown) => unknown;
  /** How one cell of a column argument is read when a number reader does not fit (e.g. a score or a band letter). */
  readonly cell?: (cell: unknown, name: string) => unknown;
}

/**
 * How the custom function declares the parameter to Excel (the JSDoc type): an enum option is a plain value
 * (`any`), every other argument a range (`any[][]`), so a cell reference, a column or a constant all work.
 */
export function excelDimensionality(p: ParamSpec): "scalar" | "matrix" {
  return p.kind === "enum" ? "scalar" : "matrix";
}

export interface FunctionSpec {
  /** The custom function id (permanent: saved workbooks use it). */
  readonly id: string;
  /** Parameters in the order of the formula. */
  readonly params: readonly ParamSpec[];
}

/** The value a parameter reads as, from its declaration. */
export type ParamValue<P extends ParamSpec> = P extends { kind: "enum"; choices: readonly (infer C)[] }
  ? C
  : P extends { read: (arg: unknown) => infer T }
    ? Exclude<T, EngineError>
    : P extends { cell: (cell: unknown, name: string) => infer T }
      ? Exclude<T, EngineError>
      : P extends { kind: "flag" }
        ? boolean
        : P extends { kind: "text" }
          ? string
          : P extends { blankCells: true }
            ? number | null
            : P extends { optional: true }
              ? P extends { default: number }
                ? number
                : number | null
              : number;

/** One row's typed, validated inputs: parameter name → value. */
export type RowOf<S extends FunctionSpec> = { readonly [P in S["params"][number] as P["name"]]: ParamValue<P> };

/** The parameters read once per call (scalars and whole-range tables), typed: parameter name → value. */
export type CallOf<S extends FunctionSpec> = {
  readonly [
    P in S["params"][number] as P extends { shape: "column" } ? never : P extends { shape: "matrix"; read?: undefined } ? never : P["name"]
  ]: ParamValue<P>;
};

/** Reads one cell of a parameter as declared (a column's cell, or a scalar argument's one cell). */
export function readParamCell(p: ParamSpec, cell: unknown): Result<unknown> {
  if (p.cell) return p.cell(cell, p.name) as Result<unknown>;
  if (p.kind === "flag") return readFlag(cell, p.name);
  if (p.kind === "date" && p.blankCells) return readOptionalDate(cell, p.name);
  if (p.kind === "date") {
    const d = p.optional ? readOptionalSerial(cell, p.name) : readSerial(cell, p.name);
    return d === null && typeof p.default === "number" ? p.default : d;
  }
  const v = p.optional || p.blankCells ? readOptionalNumber(cell, p.name, p.rules) : readNumber(cell, p.name, p.rules);
  return v === null && typeof p.default === "number" ? p.default : v;
}

/**
 * Reads the arguments a formula takes once per call, as its spec declares them: first every enum option (an
 * unknown word is the call's error before anything else is read), then, in the order of the formula, each
 * whole-range table (its declared `read`) and each single-cell scalar (a date or a number: a larger range is a
 * #VALUE! naming it). Column and plain matrix parameters are left to the formula's row reader.
 * @param context a check of what the call runs with (e.g. CREDITSCORE's scoring model), after the options and
 *   before the ranges: its error is the call's
 */
export function readCall<S extends FunctionSpec>(spec: S, args: readonly unknown[], context?: () => EngineError | null): Result<CallOf<S>> {
  const fixed: Record<string, unknown> = {};
  for (let k = 0; k < spec.params.length; k++) {
    const p = spec.params[k];
    if (p.shape !== "scalar" || p.kind !== "enum") continue;
    const v = readChoice(scalarOf(args[k]), p.name, p.choices ?? [], String(p.default));
    if (isEngineError(v)) return v;
    fixed[p.name] = v;
  }
  const bad = context ? context() : null;
  if (bad) return bad;
  for (let k = 0; k < spec.params.length; k++) {
    const p = spec.params[k];
    let v: unknown;
    if (p.read) v = p.read(args[k]);
    else if (p.shape === "scalar" && p.kind !== "enum") v = readSingleArg(p, args[k]);
    else continue;
    if (isEngineError(v)) return v;
    fixed[p.name] = v;
  }
  return fixed as CallOf<S>;
}

/** The declared parameter `name` of `spec`. */
export function paramOf<S extends FunctionSpec>(spec: S, name: S["params"][number]["name"]): ParamSpec {
  return spec.params.find((p) => p.name === name) as ParamSpec;
}

/**
 * Reads one range argument as a column (or row) of per-row cells, as its parameter declares: a required one
 * omitted is a #VALUE! naming it (`required` makes an optional one required where the formula needs it).
 * For formulas whose shape depends on another argument (e.g. AGING's as_of: per invoice, or one date with amounts).
 */
export function readColumnArg(p: ParamSpec, arg: unknown, required = !(p.optional || p.omittable)): Result<Vector | null> {
  return required ? requireVector(arg, p.name) : readVector(arg, p.name);
}

/** Reads a parameter given as one cell (a larger range is a #VALUE! naming it), as it declares. */
export function readSingleArg(p: ParamSpec, arg: unknown): Result<unknown> {
  const cell = singleCell(arg, p.name);
  return isEngineError(cell) ? cell : readParamCell(p, cell);
}

/** How `runRows` lays out results. */
export interface RowsLayout<S extends FunctionSpec> {
  /** Result columns per row (default 1); a row's "" or error fills them all; wider results are one row per input row. */
  readonly width?: (call: CallOf<S>) => number;
  /** One result row per input row even when the first range is a row (default: a row in gives a row out). */
  readonly vertical?: boolean;
}

/**
 * Reads the arguments of a row-wise formula (scalar enums, then column parameters) as its spec declares and
 * calls `fn` once per row with the row's typed inputs; one spilled result per row. Argument errors are one
 * error for the call; a bad cell is an error in its row only.
 * @param args Excel's arguments in the order of `spec.params` (omitted ones as null)
 * @param layout how results are laid out (see `RowsLayout`)
 */
export function runRows<S extends FunctionSpec>(
  spec: S,
  args: readonly unknown[],
  fn: (row: RowOf<S>) => SpillCell | SpillCell[],
  layout: RowsLayout<S> = {},
): Result<Spill> {
  const fixed = readCall(spec, args);
  if (isEngineError(fixed)) return fixed;
  const columns: Array<{ p: ParamSpec; name: string; vector: Vector | null }> = [];
  for (let k = 0; k < spec.params.length; k++) {
    const p = spec.params[k];
    if (p.shape !== "column") continue;
    const v = readColumnArg(p, args[k]);
    if (isEngineError(v)) return v;
    columns.push({ p, name: p.name, vector: v });
  }
  const n = broadcastLength(columns);
  if (isEngineError(n)) return n;
  const w = layout.width ? layout.width(fixed) : 1;
  const data = columns.filter((c) => c.p.data).map((c) => c.vector);
  const span = data.length ? dataRows(data, n) : { first: 0, last: n - 1 };
  /** Row i's result: its cells read as declared, then `fn`; the first bad cell is the row's error. */
  const result = (i: number): SpillCell | SpillCell[] => {
    const row: Record<string, unknown> = { ...fixed };
    for (const c of columns) {
      const v = readParamCell(c.p, at(c.vector, i));
      if (isEngineError(v)) return v;
      if (v === null && c.p.blankMeansNoRow) return "";
      row[c.name] = v;
    }
    return fn(row as RowOf<S>);
  };
  const rows: SpillCell[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const out = i < span.first || i > span.last || (data.length && isBlankRow(data, i)) ? "" : result(i);
    rows[i] = Array.isArray(out) ? out : new Array<SpillCell>(w).fill(out);
  }
  if (w === 1)
    return toSpill(
      rows.map((r) => r[0]),
      !layout.vertical && isHorizontal(columns.map((c) => c.vector)),
    );
  return rows;
}

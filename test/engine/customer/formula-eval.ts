/**
 * A small evaluator for the formulas the pane writes back (src/taskpane/services/formulas.ts),
 * so the cross-door test can evaluate them as Excel would, calling the custom-function
 * implementations of src/functions/functions.ts. It knows exactly what those formulas use:
 * RISK.CREDITSCORE / RISK.CREDITLIMIT, IF, AND, ISNUMBER, MAX, "=", "-", cell references
 * (A1, $A$1), ranges, text and number literals, array constants of text and omitted arguments.
 * Empty cells read as "" (as Excel passes them to custom functions in a range); anything else
 * throws, so a formula the evaluator does not understand fails the test instead of passing quietly.
 */
import { creditLimit, creditScore } from "../../../src/functions/functions";

/** The sheet: 0-based row × column grid of values (null/undefined = empty). */
export type Sheet = readonly (readonly unknown[])[];

type Val = unknown;
interface Omitted {
  omitted: true;
}
const OMITTED: Omitted = { omitted: true };

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** Evaluates `=...` formula text on `sheet`; the result of a custom function is its top-left cell. */
export function evaluate(formula: string, sheet: Sheet): Val {
  if (!formula.startsWith("=")) throw new Error(`not a formula: ${formula}`);
  const src = formula.slice(1);
  let i = 0;
  const peek = () => src[i];
  const expect = (ch: string) => {
    if (src[i] !== ch) throw new Error(`expected ${ch} at ${i} in ${formula}`);
    i++;
  };
  const read = (row: number, col: number): Val => {
    const v = sheet[row]?.[col];
    return v === null || v === undefined ? "" : v;
  };
  const grid = (a: string, b: string): Val[][] => {
    const p = cellRef(a),
      q = cellRef(b);
    const out: Val[][] = [];
    for (let r = p.row; r <= q.row; r++) {
      const line: Val[] = [];
      for (let c = p.col; c <= q.col; c++) line.push(read(r, c));
      out.push(line);
    }
    return out;
  };

  function primary(): Val {
    const ch = peek();
    if (ch === '"') {
      i++;
      let s = "";
      while (i < src.length) {
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          break;
        }
        s += src[i++];
      }
      expect('"');
      return s;
    }
    if (ch === "{") {
      i++;
      const items: Val[] = [];
      while (peek() !== "}") {
        items.push(primary());
        if (peek() === ",") i++;
      }
      expect("}");
      return [items];
    }
    if (ch === "-") {
      i++;
      const v = primary();
      return -(v as number);
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const name = /^[A-Z$][A-Z0-9.$]*/.exec(src.slice(i));
    if (!name) throw new Error(`cannot read ${src.slice(i)} in ${formula}`);
    i += name[0].length;
    if (peek() === "(") return call(name[0]);
    if (peek() === ":") {
      i++;
      const end = /^[A-Z$][A-Z0-9$]*/.exec(src.slice(i));
      if (!end) throw new Error(`bad range in ${formula}`);
      i += end[0].length;
      return grid(name[0], end[0]);
    }
    const p = cellRef(name[0]);
    return read(p.row, p.col);
  }

  function additive(): Val {
    let v = primary();
    while (peek() === "-") {
      i++;
      const w = primary();
      // An Excel error (a custom function's error object) propagates through arithmetic, as in Excel.
      v = isError(v) ? v : isError(w) ? w : toNumber(v) - toNumber(w);
    }
    return v;
  }

  function comparison(): Val {
    const v = additive();
    if (peek() === "=") {
      i++;
      const w = additive();
      return v === w;
    }
    return v;
  }

  function args(): Val[] {
    expect("(");
    const out: Val[] = [];
    if (peek() === ")") {
      i++;
      return out;
    }
    for (;;) {
      if (peek() === "," || peek() === ")") out.push(OMITTED);
      else out.push(comparison());
      if (peek() === ",") {
        i++;
        continue;
      }
      expect(")");
      return out;
    }
  }

  function call(name: string): Val {
    const a = args();
    const arg = (k: number): unknown[][] | null => {
      const v = a[k];
      if (v === undefined || v === OMITTED) return null;
      return Array.isArray(v) ? (v as unknown[][]) : [[v]];
    };
    switch (name) {
      case "RISK.CREDITSCORE": {
        const out = creditScore(arg(0) as unknown[][], arg(1) ?? undefined, a[2] === undefined || a[2] === OMITTED ? undefined : a[2]);
        return out[0][0];
      }
      case "RISK.CREDITLIMIT": {
        const output = a[6] === undefined || a[6] === OMITTED ? undefined : a[6];
        const out = creditLimit(
          arg(0) as unknown[][],
          arg(1) as unknown[][],
          arg(2) as unknown[][],
          arg(3) ?? undefined,
          arg(4) ?? undefined,
          arg(5) ?? undefined,
          output,
        );
        return out[0][0];
      }
      case "IF":
        return a[0] ? a[1] : a.length > 2 ? a[2] : false;
      case "AND":
        return a.every(Boolean);
      case "ISNUMBER":
        return typeof a[0] === "number";
      case "MAX":
        return a.find(isError) ?? Math.max(...a.map(toNumber));
      default:
        throw new Error(`the evaluator does not know ${name} (in ${formula})`);
    }
  }

  const v = comparison();
  if (i !== src.length) throw new Error(`unread text ${src.slice(i)} in ${formula}`);
  return v;
}

function isError(v: Val): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function toNumber(v: Val): number {
  if (typeof v === "number") return v;
  if (v === "" || v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new Error(`#VALUE! (${String(v)} is not a number)`);
}

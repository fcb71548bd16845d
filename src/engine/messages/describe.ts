/** How cell values are quoted in messages, in both languages (no imports: area files may use it). */
import type { Lang } from "../lang";
import type { CellArg } from "./types";

export function isCellArg(x: unknown): x is CellArg {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "cell";
}

/** The value of a cell argument (or the argument itself), to choose words by its type. */
export function rawCell(x: unknown): unknown {
  return isCellArg(x) ? x.value : x;
}

/** Text of a cell for a message: at most 30 characters, so a long cell cannot flood the message. */
export function clipText(text: string): string {
  return text.length > 30 ? text.slice(0, 30) + "…" : text;
}

/**
 * A cell as words: `text "abc"` / `文本“abc”`, `a logical value (TRUE)` / `逻辑值 TRUE`, the number, or what a
 * value no cell can hold is. Never throws, whatever the value.
 */
export function describeCell(value: unknown, lang: Lang): string {
  const zh = lang === "zh";
  switch (typeof value) {
    case "string":
      return zh ? `文本“${clipText(value)}”` : `text "${clipText(value)}"`;
    case "boolean":
      return zh ? `逻辑值 ${value ? "TRUE" : "FALSE"}` : `a logical value (${value ? "TRUE" : "FALSE"})`;
    case "number":
      return Object.is(value, -0) ? "0" : String(value);
    case "undefined":
      return zh ? "空值" : "an empty value";
    case "object":
      if (value === null) return zh ? "空值" : "an empty value";
      if (Array.isArray(value))
        return zh ? `单元格中的嵌套区域（${value.length} 个值）` : `a nested range of ${value.length} value(s) in one cell`;
      return zh ? "非单元格值（对象）" : "an object, not a cell value";
    default:
      return zh ? `非单元格值（${typeof value} 类型）` : `a value of type ${typeof value}, not a cell value`;
  }
}

/** A number with thousands separators as the CLI prints counts ("140,000"); anything else as text. */
export function grouped(x: unknown): string {
  return typeof x === "number" ? x.toLocaleString("en-US") : String(x);
}

/** A number for a message: 12 significant digits, so sums show without float noise (62000, not 62000.00000000001). */
export function num(x: unknown): string {
  return typeof x === "number" && Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
}

/** A byte as two upper-case hex digits ("0xE9" is written `0x${hexByte(0xe9)}`). */
export function hexByte(x: unknown): string {
  return Number(x).toString(16).toUpperCase().padStart(2, "0");
}

/** A list argument joined with `sep` (a single value as text): for lists a language joins its own way ("; " / "；"). */
export function joined(x: unknown, sep: string): string {
  return Array.isArray(x) ? x.map(String).join(sep) : String(x);
}

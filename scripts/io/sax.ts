/**
 * The `saxes` streaming XML parser (strict, namespace-aware XML 1.0; the
 * parser exceljs and jsdom use), behind the small interface this CLI needs.
 *
 * saxes 6.0.0's own type declarations fail to type-check under TypeScript 5
 * with library checks on (an unconstrained generic in its handler types,
 * TS2344), so the module is loaded untyped and given this interface instead.
 */
export interface SaxTag {
  name: string;
  attributes: Record<string, string>;
  isSelfClosing: boolean;
}

export interface SaxParser {
  /** Index (in UTF-16 code units, over everything written so far) just after what was parsed. */
  readonly position: number;
  on(event: "opentag" | "closetag", handler: (tag: SaxTag) => void): void;
  on(event: "text" | "cdata", handler: (text: string) => void): void;
  on(event: "error", handler: (error: Error) => void): void;
  write(chunk: string): this;
  close(): this;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const saxes = require("saxes") as { SaxesParser: new (options: { position?: boolean }) => SaxParser };

/** A new parser with position tracking. */
export function saxParser(): SaxParser {
  return new saxes.SaxesParser({ position: true });
}

/**
 * The part of saxes' API the manifest check uses (scripts/lib/xml.ts).
 *
 * xml.ts loads saxes untyped and casts it to these declarations: saxes 6.0.0's own saxes.d.ts passes an
 * unconstrained type parameter to a constrained one (TS2344), which fails this project's full library check
 * (skipLibCheck is off on purpose; see ../shared/docs/toolchain-notes.md).
 */
export interface SaxesOptions {
  xmlns?: boolean;
  position?: boolean;
  fileName?: string;
}

export interface SaxesAttributeNS {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  value: string;
}

export interface SaxesTagNS {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: Record<string, SaxesAttributeNS>;
  isSelfClosing: boolean;
}

export declare class SaxesParser {
  constructor(opt?: SaxesOptions);
  /** 1-based line and 0-based column of the parser's position. */
  readonly line: number;
  readonly column: number;
  on(name: "error", handler: (err: Error) => void): void;
  on(name: "doctype", handler: (doctype: string) => void): void;
  on(name: "opentagstart", handler: (tag: { name: string }) => void): void;
  on(name: "opentag" | "closetag", handler: (tag: SaxesTagNS) => void): void;
  on(name: "text" | "cdata", handler: (text: string) => void): void;
  write(chunk: string | null): this;
  close(): this;
}

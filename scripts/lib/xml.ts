/**
 * XML for the manifest check, parsed by saxes (a maintained, strict, namespace-aware
 * parser; its first well-formedness error stops the check with a line and column) into a small element tree the checks walk.
 * DOCTYPE is refused (no DTDs, no external entities), as Office manifests have none.
 */
import type { SaxesParser as SaxesParserType, SaxesTagNS } from "../types/saxes";

// saxes 6.0.0's own saxes.d.ts fails this project's full library check (TS2344), so its types come from
// ../types/saxes.d.ts and the module is loaded untyped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SaxesParser } = require("saxes") as { SaxesParser: typeof SaxesParserType };

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xsi:type". */
  name: string;
  /** Local part, e.g. "type". */
  local: string;
  /** Namespace URI; null for unprefixed attributes. */
  ns: string | null;
  value: string;
}

export interface XmlElement {
  name: string;
  local: string;
  /** Namespace URI (default namespace applies to unprefixed elements); null when none. */
  ns: string | null;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  parent: XmlElement | null;
  /** 1-based line of the start tag. */
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = "XmlSyntaxError";
  }
}

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Parses a whole document and returns its root element; throws XmlSyntaxError at the first problem. */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let tagLine = 1;
  const fail = (message: string): never => {
    throw new XmlSyntaxError(message, parser.line, parser.column + 1);
  };
  // saxes starts its messages with "line:column: "; XmlSyntaxError carries the position itself.
  parser.on("error", (e) => fail(e.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "")));
  parser.on("doctype", () => fail("DOCTYPE is not allowed in a manifest"));
  // The element's line is where its "<" is: "opentag" comes only after the closing ">".
  parser.on("opentagstart", () => {
    tagLine = parser.line;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const el: XmlElement = {
      name: tag.name,
      local: tag.local,
      ns: tag.uri === "" ? null : tag.uri,
      attributes: Object.values(tag.attributes)
        .filter((a) => a.uri !== XMLNS_NS)
        .map((a) => ({ name: a.name, local: a.local, ns: a.uri === "" ? null : a.uri, value: a.value })),
      children: [],
      text: "",
      parent: stack.length > 0 ? stack[stack.length - 1] : null,
      line: tagLine,
    };
    if (el.parent) el.parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const addText = (text: string) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  // A byte-order mark may start the file; it is not content.
  parser.write(source.replace(/^\uFEFF/, "")).close();
  if (!root) return fail("expected the root element");
  return root;
}

/** Child elements with this local name (any namespace unless `ns` is given). */
export function childElements(el: XmlElement, local: string, ns?: string): XmlElement[] {
  return el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns));
}

/** The first child element with this local name, or undefined. */
export function childElement(el: XmlElement, local: string, ns?: string): XmlElement | undefined {
  return childElements(el, local, ns)[0];
}

/** Every descendant element (depth first, document order). */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** An attribute value by local name (unprefixed unless `ns` is given), or undefined. */
export function attr(el: XmlElement, local: string, ns: string | null = null): string | undefined {
  return el.attributes.find((a) => a.local === local && a.ns === ns)?.value;
}

/** "OfficeApp/VersionOverrides/Hosts" style path of an element, for messages. */
export function elementPath(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) parts.unshift(e.name);
  return parts.join("/");
}

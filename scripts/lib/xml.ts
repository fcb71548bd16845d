/**
 * A small, dependency-free, non-validating XML parser: enough to check that a
 * manifest is well-formed and to walk it. Supports elements, attributes,
 * namespaces (prefixes resolved to URIs), text, CDATA, comments, processing
 * instructions and the predefined/numeric entities. Rejects DOCTYPE (no DTDs,
 * no external entities). Throws `XmlSyntaxError` with a line and column.
 */

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

const NAME_START = "A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME = `[${NAME_START}][${NAME_CHAR}]*`;
const QNAME = new RegExp(`^${NCNAME}(?::${NCNAME})?$`);
const NAME_AT = new RegExp(`[${NAME_START}:][${NAME_CHAR}:]*`, "y");
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Parses a whole document and returns its root element. */
export function parseXml(source: string): XmlElement {
  return new Parser(source).document();
}

interface RawElement {
  el: XmlElement;
  parent: RawElement | null;
  /** Prefix → URI declarations made on this element. */
  decls: Map<string, string>;
  rawAttrs: { name: string; value: string; line: number; column: number }[];
}

class Parser {
  private pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly src: string) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
    for (let i = 0; i < src.length; i++) if (src[i] === "\n") this.lineStarts.push(i + 1);
    const bad = BAD_CHAR.exec(src);
    if (bad) this.fail(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")} is not allowed in XML`, bad.index);
  }

  document(): XmlElement {
    if (this.src.startsWith("<?xml", this.pos) && /\s/.test(this.src[this.pos + 5] ?? "")) this.processingInstruction();
    this.misc();
    if (this.pos >= this.src.length || this.src[this.pos] !== "<") this.fail("expected the root element");
    const root = this.element(null);
    this.misc();
    if (this.pos < this.src.length) this.fail("content after the root element");
    return root;
  }

  /** Comments, PIs and whitespace outside the root. */
  private misc(): void {
    for (;;) {
      this.skipSpace();
      if (this.src.startsWith("<!--", this.pos)) this.comment();
      else if (this.src.startsWith("<?", this.pos)) this.processingInstruction();
      else if (this.src.startsWith("<!DOCTYPE", this.pos)) this.fail("DOCTYPE declarations are not allowed");
      else return;
    }
  }

  private element(parent: RawElement | null): XmlElement {
    const startPos = this.pos;
    this.expect("<");
    const name = this.name();
    const raw: RawElement = {
      el: { name, local: name, ns: null, attributes: [], children: [], text: "", parent: parent?.el ?? null, line: this.lineOf(startPos) },
      parent,
      decls: new Map(),
      rawAttrs: [],
    };
    let selfClosing = false;
    for (;;) {
      const hadSpace = this.skipSpace();
      const c = this.src[this.pos];
      if (c === undefined) this.fail(`unclosed start tag <${name}>`, startPos);
      if (c === ">") {
        this.pos++;
        break;
      }
      if (c === "/" && this.src[this.pos + 1] === ">") {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (!hadSpace) this.fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const at = this.pos;
      const attrName = this.name();
      this.skipSpace();
      this.expect("=");
      this.skipSpace();
      const value = this.attributeValue();
      if (raw.rawAttrs.some((a) => a.name === attrName)) this.fail(`duplicate attribute ${attrName}`, at);
      raw.rawAttrs.push({ name: attrName, value, line: this.lineOf(at), column: this.columnOf(at) });
      if (attrName === "xmlns") raw.decls.set("", value);
      else if (attrName.startsWith("xmlns:")) {
        if (value === "") this.fail(`namespace prefix ${attrName.slice(6)} bound to an empty URI`, at);
        raw.decls.set(attrName.slice(6), value);
      }
    }
    this.resolveNames(raw, startPos);
    if (!selfClosing) this.content(raw);
    return raw.el;
  }

  private content(raw: RawElement): void {
    const el = raw.el;
    for (;;) {
      const lt = this.src.indexOf("<", this.pos);
      if (lt < 0) this.fail(`<${el.name}> (line ${el.line}) is never closed`, this.src.length);
      if (lt > this.pos) el.text += this.text(this.pos, lt);
      this.pos = lt;
      if (this.src.startsWith("</", this.pos)) {
        const at = this.pos;
        this.pos += 2;
        const closing = this.name();
        this.skipSpace();
        this.expect(">");
        if (closing !== el.name) this.fail(`</${closing}> does not match <${el.name}> opened on line ${el.line}`, at);
        return;
      }
      if (this.src.startsWith("<!--", this.pos)) this.comment();
      else if (this.src.startsWith("<![CDATA[", this.pos)) {
        const end = this.src.indexOf("]]>", this.pos + 9);
        if (end < 0) this.fail("unterminated CDATA section");
        el.text += this.src.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.src.startsWith("<?", this.pos)) this.processingInstruction();
      else if (this.src.startsWith("<!", this.pos)) this.fail("markup declarations are not allowed here");
      else el.children.push(this.element(raw));
    }
  }

  private resolveNames(raw: RawElement, at: number): void {
    const lookup = (prefix: string): string | null | undefined => {
      if (prefix === "xml") return XML_NS;
      if (prefix === "xmlns") return XMLNS_NS;
      for (let r: RawElement | null = raw; r; r = r.parent) {
        if (r.decls.has(prefix)) {
          const uri = r.decls.get(prefix) as string;
          return uri === "" ? null : uri;
        }
      }
      return prefix === "" ? null : undefined;
    };
    const split = (qname: string) => {
      const i = qname.indexOf(":");
      return i < 0 ? { prefix: "", local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
    };
    const { prefix, local } = split(raw.el.name);
    const ns = lookup(prefix);
    if (ns === undefined) this.fail(`namespace prefix "${prefix}" of <${raw.el.name}> is not declared`, at);
    raw.el.local = local;
    raw.el.ns = ns ?? null;
    for (const a of raw.rawAttrs) {
      const q = split(a.name);
      let attrNs: string | null = null;
      if (a.name === "xmlns") attrNs = XMLNS_NS;
      else if (q.prefix) {
        const u = lookup(q.prefix);
        if (u === undefined || u === null) throw new XmlSyntaxError(`namespace prefix "${q.prefix}" of attribute ${a.name} is not declared`, a.line, a.column);
        attrNs = u;
      }
      raw.el.attributes.push({ name: a.name, local: q.local, ns: attrNs, value: a.value });
    }
  }

  private name(): string {
    NAME_AT.lastIndex = this.pos;
    const m = NAME_AT.exec(this.src);
    if (!m) this.fail("expected a name");
    if (!QNAME.test(m[0])) this.fail(`"${m[0]}" is not a valid qualified name`);
    this.pos += m[0].length;
    return m[0];
  }

  private attributeValue(): string {
    const q = this.src[this.pos];
    if (q !== '"' && q !== "'") this.fail("attribute value must be quoted");
    const end = this.src.indexOf(q, this.pos + 1);
    if (end < 0) this.fail("unterminated attribute value");
    const rawValue = this.src.slice(this.pos + 1, end);
    const lt = rawValue.indexOf("<");
    if (lt >= 0) this.fail('"<" is not allowed in an attribute value', this.pos + 1 + lt);
    const value = this.decode(rawValue, this.pos + 1).replace(/[\t\n\r]/g, " ");
    this.pos = end + 1;
    return value;
  }

  private text(from: number, to: number): string {
    const raw = this.src.slice(from, to);
    const bad = raw.indexOf("]]>");
    if (bad >= 0) this.fail('"]]>" is not allowed in text', from + bad);
    return this.decode(raw, from);
  }

  private decode(raw: string, offset: number): string {
    return raw.replace(/&([^;&\s]*)(;?)/g, (whole, ref: string, semi: string, i: number) => {
      if (!semi) this.fail('"&" must start an entity reference like &amp;', offset + i);
      if (ref in PREDEFINED) return PREDEFINED[ref];
      const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (m) {
        const code = m[1] ? parseInt(m[1], 16) : parseInt(m[2], 10);
        const ok = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
        if (!ok) this.fail(`character reference ${whole} is not a legal XML character`, offset + i);
        return String.fromCodePoint(code);
      }
      return this.fail(`unknown entity ${whole}`, offset + i);
    });
  }

  private comment(): void {
    const end = this.src.indexOf("-->", this.pos + 4);
    if (end < 0) this.fail("unterminated comment");
    const body = this.src.slice(this.pos + 4, end);
    if (body.includes("--") || body.endsWith("-")) this.fail('"--" is not allowed inside a comment');
    this.pos = end + 3;
  }

  private processingInstruction(): void {
    const end = this.src.indexOf("?>", this.pos + 2);
    if (end < 0) this.fail("unterminated processing instruction");
    const target = /^[^\s?]+/.exec(this.src.slice(this.pos + 2, end))?.[0] ?? "";
    if (target.toLowerCase() === "xml" && this.pos > (this.src.charCodeAt(0) === 0xfeff ? 1 : 0)) {
      this.fail("the XML declaration must be at the very start of the document");
    }
    this.pos = end + 2;
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length && " \t\r\n".includes(this.src[this.pos])) this.pos++;
    return this.pos > start;
  }

  private expect(s: string): void {
    if (!this.src.startsWith(s, this.pos)) this.fail(`expected "${s}"`);
    this.pos += s.length;
  }

  private lineOf(index: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private columnOf(index: number): number {
    return index - this.lineStarts[this.lineOf(index) - 1] + 1;
  }

  private fail(message: string, at: number = this.pos): never {
    throw new XmlSyntaxError(message, this.lineOf(at), this.columnOf(at));
  }
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

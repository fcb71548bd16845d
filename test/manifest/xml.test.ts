import { XmlSyntaxError, attr, childElement, descendants, elementPath, parseXml } from "../../scripts/lib/xml";

describe("parseXml (saxes underneath)", () => {
  test("elements, attributes, namespaces, text, entities and CDATA", () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<a xmlns="urn:a" xmlns:b="urn:b" x=\'1\' b:y="&lt;&amp;&#x4E2D;&#25991;">\n' +
        "  <b:c>t&gt;<![CDATA[<raw & stuff>]]></b:c>\n  <d/><?pi data?>\n</a>\n",
    );
    expect([root.local, root.ns, root.line]).toEqual(["a", "urn:a", 3]);
    expect(attr(root, "x")).toBe("1");
    expect(attr(root, "y", "urn:b")).toBe("<&中文");
    expect(attr(root, "y")).toBeUndefined();
    const c = childElement(root, "c", "urn:b");
    expect(c && [c.name, c.text, c.line]).toEqual(["b:c", "t><raw & stuff>", 4]);
    const d = childElement(root, "d");
    expect(d && [d.ns, elementPath(d)]).toEqual(["urn:a", "a/d"]);
    expect(descendants(root).map((e) => e.name)).toEqual(["b:c", "d"]);
  });

  test("a default namespace can be undeclared; unprefixed attributes have no namespace", () => {
    const root = parseXml('<a xmlns="urn:a"><b xmlns=""><c k="v"/></b></a>');
    const b = childElement(root, "b");
    expect(b?.ns).toBeNull();
    expect(b && childElement(b, "c")?.attributes).toEqual([{ name: "k", local: "k", ns: null, value: "v" }]);
  });

  test.each([
    ["<a><b></a>", 1, "unexpected close tag"],
    ["<a>\n<b>\n</a>", 3, "unexpected close tag"],
    ["<a>", 1, "unclosed tag: a"],
    ['<a x="1" x="2"/>', 1, "duplicate attribute: x"],
    ["<a x=1/>", 1, "unquoted attribute value"],
    ['<a x="1"y="2"/>', 1, "no whitespace between attributes"],
    ['<a x="<"/>', 1, "disallowed character"],
    ["<a>&nbsp;</a>", 1, "undefined entity"],
    ["<a>AT&T</a>", 1, "unclosed tag: a"],
    ["<a>&#0;</a>", 1, "malformed character entity"],
    ["<a/><b/>", 1, "documents may contain only one root"],
    ["text<a/>", 1, "text data outside of root node"],
    ["<a><!-- x -- y --></a>", 1, "malformed comment"],
    ["<p:a/>", 1, 'unbound namespace prefix: "p"'],
    ['<a p:x="1"/>', 1, 'unbound namespace prefix: "p"'],
    ["<!DOCTYPE a><a/>", 1, "DOCTYPE"],
    ['<a/>\n<?xml version="1.0"?>', 2, "XML declaration must be at the start"],
    ["<a>\u0001</a>", 1, "disallowed character"],
    ["<a>]]></a>", 1, "]]>"],
    ["<1a/>", 1, "disallowed character in tag name"],
  ])("rejects %j (line %i: %s)", (src, line, message) => {
    let error: unknown;
    try {
      parseXml(src);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect((error as XmlSyntaxError).line).toBe(line);
    expect((error as XmlSyntaxError).message).toContain(message);
  });
});

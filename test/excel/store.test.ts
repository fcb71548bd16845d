import { STORE_NAMESPACE, escapedPieces, loadJson, partText, partXml, saveJson } from "../../src/excel/store";
import { jsonBytes } from "../../src/excel/payload";
import { FakeExcel, checkXml } from "./fake-excel";

const ctxOf = (x: FakeExcel) => x.context() as unknown as Excel.RequestContext;

describe("escapedPieces", () => {
  test("escapes & < > and the characters XML forbids; the pieces join back to the JSON", () => {
    const json = JSON.stringify({ t: 'a & b < c > d \ufffe \uffff \u0001 ☃ 😀 "q" \\' });
    const pieces = escapedPieces(json, 10);
    for (const p of pieces) {
      expect(() => checkXml(partXml("k", 0, 1, p.text))).not.toThrow();
      expect(p.bytes).toBeLessThanOrEqual(10);
      // the size as it travels: the piece's text inside a JSON string
      expect(p.bytes).toBe(jsonBytes(p.text) - 2);
    }
    const back = pieces.map((p) => partText(partXml("k", 0, 1, p.text))).join("");
    expect(JSON.parse(back)).toEqual(JSON.parse(json));
  });

  test("never cuts a surrogate pair or an entity", () => {
    const json = JSON.stringify("😀&😀&😀");
    for (const max of [4, 5, 6, 7]) {
      for (const p of escapedPieces(json, max)) {
        expect(p.text).not.toMatch(/[\ud800-\udbff]$/);
        expect(p.text).not.toMatch(/^[\udc00-\udfff]/);
        expect(p.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
    }
  });
});

describe("partText reads a part as a host may give it back", () => {
  const xml = partXml("k", 0, 1, "[1,&quot;a&lt;b&quot;]");
  test.each([
    ["as written", xml],
    ["with an XML declaration", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`],
    ["with a prefix and other entity forms", `<cs:cs xmlns:cs="${STORE_NAMESPACE}">[1,"a&#60;b"]</cs:cs>`],
    ["in CDATA", `<cs xmlns="${STORE_NAMESPACE}"><![CDATA[[1,"a<b"]]]></cs>`],
  ])("%s", (_, text) => expect(JSON.parse(partText(text) as string)).toEqual([1, "a<b"]));
  test("not ours → null", () => expect(partText(`<x xmlns="urn:other">1</x>`)).toBeNull());
});

describe("saveJson / loadJson on the fake host", () => {
  test("round trip in several parts, a few per sync, every request and response under the limit", async () => {
    const x = new FakeExcel();
    x.addSheet("S");
    const value = { rows: Array.from({ length: 3000 }, (_, i) => [i, `row ${i} <&> "q" ☃ \ufffe`, i % 2 === 0]) };
    x.limit = 30_000;
    const ids = await saveJson(ctxOf(x), "test", value, { partBytes: 8_000, targetBytes: 25_000 });
    expect(ids.length).toBeGreaterThan(10);
    expect(x.xmlParts.every((p) => p.namespaceUri === STORE_NAMESPACE)).toBe(true);
    expect(await loadJson(ctxOf(x), ids, { partBytes: 8_000, targetBytes: 25_000 })).toEqual(value);
    expect(x.payloadErrors).toEqual([]);
  });

  test("a missing part → null, never a partial value", async () => {
    const x = new FakeExcel();
    const ids = await saveJson(ctxOf(x), "test", "x".repeat(100), { partBytes: 30 });
    x.xmlParts.splice(1, 1);
    expect(await loadJson(ctxOf(x), ids, { partBytes: 30 })).toBeNull();
    expect(await loadJson(ctxOf(x), [])).toBeNull();
  });
});

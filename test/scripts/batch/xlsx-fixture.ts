/**
 * Builds a small but complete .xlsx package by hand, part by part, with what
 * a real customer workbook carries and a careless rewrite loses: a bar chart
 * and a picture in a drawing, a cell comment (with its VML shape), defined
 * names (a range and a print area), styles with a custom number format, data
 * validation, conditional formatting, a merged title, shared strings and a
 * second sheet. Deterministic: the same arguments give the same bytes, so the
 * fixture is made by the test instead of being committed as a binary.
 */
import { createWriteStream } from "node:fs";
import * as yazl from "yazl";

export interface FixtureOptions {
  /** Sheet rows (row 1 first); strings go to the shared-strings table. */
  rows: (string | number | null)[][];
  /** First sheet's name. */
  sheetName?: string;
  /** Extra <definedName> elements for workbook.xml. */
  definedNames?: string[];
  /** Merge ranges on the first sheet. */
  merges?: string[];
  /** Cells that get a formula: address → formula text (the cached value is the row's value). */
  formulas?: Record<string, string>;
}

// A 1×1 transparent PNG.
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082",
  "hex",
);

const xml = (s: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${s}`;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function col(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The parts of the package, in zip order. */
export function fixtureParts(opts: FixtureOptions): [string, Buffer][] {
  const sheetName = opts.sheetName ?? "Customers";
  const strings: string[] = [];
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const rowsXml = opts.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === null) return "";
          const ref = `${col(c)}${r + 1}`;
          const f = opts.formulas?.[ref];
          const style = r > 0 && c === 1 && typeof v === "number" ? ' s="1"' : r === 0 ? ' s="2"' : "";
          if (f) return `<c r="${ref}"${style}><f>${esc(f)}</f><v>${v}</v></c>`;
          return typeof v === "number" ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style} t="s"><v>${sst(v)}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}" spans="1:${Math.max(1, row.length)}">${cells}</row>`;
    })
    .join("");
  const last = `${col(Math.max(0, ...opts.rows.map((r) => r.length)) - 1)}${opts.rows.length}`;
  const merges = opts.merges?.length
    ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const n = opts.rows.length;
  const sheet1 = xml(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<dimension ref="A1:${last}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="24" customWidth="1"/></cols>` +
      `<sheetData>${rowsXml}</sheetData>` +
      merges +
      `<conditionalFormatting sqref="B2:B${n}"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0.8</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="B2:B${n}"><formula1>0</formula1><formula2>10</formula2></dataValidation></dataValidations>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>`,
  );
  const sheet2 = xml(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="s"><v>${sst("keep me")}</v></c></row></sheetData></worksheet>`,
  );
  const sharedStrings = xml(
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
  );
  const q = `'${sheetName.replace(/'/g, "''")}'`;
  const workbook = xml(
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
      `<sheets><sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets>` +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${esc(q)}!$A$1:$C$${n}</definedName><definedName name="Book">${esc(q)}!$A$1:$C$${n}</definedName>${(opts.definedNames ?? []).join("")}</definedNames>` +
      `<calcPr calcId="191029"/></workbook>`,
  );
  const styles = xml(
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>`,
  );
  const chart = xml(
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Debt ratio by customer</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${esc(q)}!$A$2:$A$${n}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${esc(q)}!$B$2:$B$${n}</c:f></c:numRef></c:val></c:ser>` +
      `<c:axId val="10"/><c:axId val="20"/></c:barChart>` +
      `<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx>` +
      `<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx>` +
      `</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  const drawing = xml(
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
      `<xdr:oneCellAnchor><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="95250" cy="95250"/>` +
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
  );
  const comments = xml(
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Analyst</author></authors><commentList><comment ref="A2" authorId="0"><text><t>Credit committee override 2026-10: keep limit.</t></text></comment></commentList></comments>`,
  );
  const vml =
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (...r: string[]) =>
    xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join("")}</Relationships>`);
  const contentTypes = xml(
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  );
  const core = xml(
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>CreditSentinel test</dc:creator></cp:coreProperties>`,
  );
  const parts: [string, string | Buffer][] = [
    ["[Content_Types].xml", contentTypes],
    [
      "_rels/.rels",
      rels(
        rel("rId1", "officeDocument", "xl/workbook.xml"),
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`,
      ),
    ],
    ["docProps/core.xml", core],
    ["xl/workbook.xml", workbook],
    [
      "xl/_rels/workbook.xml.rels",
      rels(
        rel("rId1", "worksheet", "worksheets/sheet1.xml"),
        rel("rId2", "worksheet", "worksheets/sheet2.xml"),
        rel("rId3", "styles", "styles.xml"),
        rel("rId4", "sharedStrings", "sharedStrings.xml"),
      ),
    ],
    ["xl/styles.xml", styles],
    ["xl/sharedStrings.xml", sharedStrings],
    ["xl/worksheets/sheet1.xml", sheet1],
    ["xl/worksheets/sheet2.xml", sheet2],
    [
      "xl/worksheets/_rels/sheet1.xml.rels",
      rels(
        rel("rId1", "drawing", "../drawings/drawing1.xml"),
        rel("rId2", "vmlDrawing", "../drawings/vmlDrawing1.vml"),
        rel("rId3", "comments", "../comments1.xml"),
      ),
    ],
    ["xl/drawings/drawing1.xml", drawing],
    [
      "xl/drawings/_rels/drawing1.xml.rels",
      rels(rel("rId1", "chart", "../charts/chart1.xml"), rel("rId2", "image", "../media/image1.png")),
    ],
    ["xl/charts/chart1.xml", chart],
    ["xl/media/image1.png", PNG],
    ["xl/comments1.xml", comments],
    ["xl/drawings/vmlDrawing1.vml", vml],
  ];
  return parts.map(([name, data]) => [name, typeof data === "string" ? Buffer.from(data, "utf8") : data]);
}

/** Writes the fixture workbook to `path`. */
export function writeFixture(path: string, opts: FixtureOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const mtime = new Date(Date.UTC(2026, 0, 1));
    for (const [name, data] of fixtureParts(opts)) zip.addBuffer(data, name, { mtime, compress: !name.endsWith(".png") });
    zip.outputStream.pipe(createWriteStream(path)).on("finish", resolve).on("error", reject);
    zip.end();
  });
}

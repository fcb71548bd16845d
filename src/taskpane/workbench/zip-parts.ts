/**
 * What an .xlsx file holds beyond cell values, so the workbench can say what
 * a download cannot carry (exceljs, the browser's spreadsheet library, drops
 * charts, notes, pivot tables, macros and more when it rewrites a file).
 *
 * An .xlsx is a zip of XML parts. `featureCounts` lists the parts (central
 * directory only) and counts a few elements inside the sheet, drawing and
 * workbook XML (inflated with the browser's DecompressionStream). Comparing
 * the counts of the input and of the file written from it gives the
 * features lost; `KNOWN_LOST` are those exceljs is known to drop, reported as
 * soon as a file is opened.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Offset of the local file header. */
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The entries of a zip archive (its central directory), or null when the bytes are not a zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const out: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return null;
    const nameLength = u16(bytes, p + 28),
      extra = u16(bytes, p + 30),
      comment = u16(bytes, p + 32);
    out.push({
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      offset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/** The text of one entry (stored or deflated). */
export async function entryText(bytes: Uint8Array, e: ZipEntry): Promise<string> {
  const local = e.offset;
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const data = bytes.slice(start, start + e.compressedSize);
  if (e.method === 0) return new TextDecoder("utf-8").decode(data);
  if (e.method !== 8) return "";
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

/** Every feature the workbench looks for. */
export const FEATURES = [
  "charts",
  "chartSheets",
  "images",
  "shapes",
  "notes",
  "threadedComments",
  "pivotTables",
  "slicers",
  "sparklines",
  "macros",
  "controls",
  "embeddedObjects",
  "externalLinks",
  "connections",
  "dataModel",
  "customXml",
  "addinData",
  "tables",
  "conditionalFormats",
  "dataValidations",
  "hyperlinks",
  "mergedCells",
  "definedNames",
] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * Features exceljs 4 drops when it rewrites a workbook (each part-based one
 * is planted and checked in test/taskpane/workbench/file-workbook.test.ts).
 * Notes are not listed: exceljs keeps those on cells with a value and drops
 * those on empty cells, which only the comparison of the download finds.
 */
export const KNOWN_LOST: readonly Feature[] = [
  "charts",
  "chartSheets",
  "shapes",
  "threadedComments",
  "pivotTables",
  "slicers",
  "sparklines",
  "macros",
  "controls",
  "embeddedObjects",
  "externalLinks",
  "connections",
  "dataModel",
  "customXml",
  "addinData",
];

/** Parts that are one feature each. */
const PARTS: [Feature, RegExp][] = [
  ["charts", /^xl\/charts\/chart\d+\.xml$/i],
  ["chartSheets", /^xl\/chartsheets\/sheet\d+\.xml$/i],
  ["images", /^xl\/media\//i],
  ["threadedComments", /^xl\/threadedComments\/threadedComment\d+\.xml$/i],
  ["pivotTables", /^xl\/pivotTables\/pivotTable\d+\.xml$/i],
  ["slicers", /^xl\/(slicers\/slicer|timelines\/timeline)\d+\.xml$/i],
  ["macros", /^xl\/vbaProject\.bin$/i],
  ["controls", /^xl\/(ctrlProps\/ctrlProp|activeX\/activeX)\d+\.(xml|bin)$/i],
  ["embeddedObjects", /^xl\/embeddings\//i],
  ["externalLinks", /^xl\/externalLinks\/externalLink\d+\.xml$/i],
  ["connections", /^xl\/(connections\.xml|queryTables\/queryTable\d+\.xml)$/i],
  ["dataModel", /^xl\/model\//i],
  ["customXml", /^customXml\/item\d+\.xml$/i],
  ["addinData", /^xl\/webextensions\/webextension\d+\.xml$/i],
  ["tables", /^xl\/tables\/table\d+\.xml$/i],
];

/** Elements counted inside XML parts: [feature, part pattern, element pattern]. */
const ELEMENTS: [Feature, RegExp, RegExp][] = [
  ["notes", /^xl\/comments\d*\.xml$/i, /<comment\s/g],
  ["shapes", /^xl\/drawings\/drawing\d+\.xml$/i, /<xdr:sp[\s>]/g],
  ["sparklines", /^xl\/worksheets\/sheet\d+\.xml$/i, /<x14:sparkline>/g],
  ["conditionalFormats", /^xl\/worksheets\/sheet\d+\.xml$/i, /<(x14:)?conditionalFormatting[\s>]/g],
  ["dataValidations", /^xl\/worksheets\/sheet\d+\.xml$/i, /<(x14:)?dataValidation[\s>]/g],
  ["hyperlinks", /^xl\/worksheets\/sheet\d+\.xml$/i, /<hyperlink\s/g],
  ["mergedCells", /^xl\/worksheets\/sheet\d+\.xml$/i, /<mergeCell\s/g],
  ["definedNames", /^xl\/workbook\.xml$/i, /<definedName[\s>]/g],
];

export type FeatureCounts = Partial<Record<Feature, number>>;

/** How many of each feature an .xlsx holds (features it does not hold are absent). Null when it is not a zip. */
export async function featureCounts(bytes: Uint8Array): Promise<FeatureCounts | null> {
  try {
    return await countFeatures(bytes);
  } catch {
    return null; // a damaged part, or no DecompressionStream: the caller says it could not check
  }
}

async function countFeatures(bytes: Uint8Array): Promise<FeatureCounts | null> {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const out: FeatureCounts = {};
  const add = (f: Feature, n: number) => {
    if (n > 0) out[f] = (out[f] ?? 0) + n;
  };
  const files = entries.filter((e) => !e.name.endsWith("/")); // zip writers may list folders too
  for (const e of files) for (const [f, re] of PARTS) if (re.test(e.name)) add(f, 1);
  for (const e of files) {
    const wanted = ELEMENTS.filter(([, part]) => part.test(e.name));
    if (wanted.length === 0) continue;
    const text = await entryText(bytes, e);
    for (const [f, , el] of wanted) add(f, text.match(el)?.length ?? 0);
  }
  return out;
}

/** Features of `before` that `after` holds fewer of, with both counts, in FEATURES order. */
export function lostFeatures(before: FeatureCounts, after: FeatureCounts): { feature: Feature; before: number; after: number }[] {
  return FEATURES.filter((f) => (before[f] ?? 0) > (after[f] ?? 0)).map((f) => ({
    feature: f,
    before: before[f] ?? 0,
    after: after[f] ?? 0,
  }));
}

/** The features of `counts` exceljs is known to drop. */
export function knownLosses(counts: FeatureCounts): { feature: Feature; before: number; after: number }[] {
  return KNOWN_LOST.filter((f) => (counts[f] ?? 0) > 0).map((f) => ({ feature: f, before: counts[f] ?? 0, after: 0 }));
}

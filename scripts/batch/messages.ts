/**
 * The messages of `npm run score` as the CLI calls them (`MESSAGES[lang].outExists(out)`): a thin adapter over
 * the one message catalogue, where the English and Chinese texts live (src/engine/messages/cli.en.ts and
 * cli.zh.ts, ids `cli.score.*`; the catalogue's parity test holds both languages to the same ids and arguments).
 */
import { Lang } from "../../src/engine/lang";
import { AnyMessageId, MessageArg, message, renderMessage } from "../../src/engine/messages/cli";

/** A CLI message's text in `lang`. */
export function cliText(lang: Lang, id: AnyMessageId, args: Readonly<Record<string, MessageArg>> = {}): string {
  return renderMessage(message(id, args), lang);
}

/** `npm run score -- --help`, in each language. */
export const USAGE: Record<Lang, string> = { en: cliText("en", "cli.score.usage"), zh: cliText("zh", "cli.score.usage") };

type Catalogue = {
  usageHint: () => string;
  unknownOption: (opt: string) => string;
  missingValue: (opt: string) => string;
  noInput: () => string;
  tooManyInputs: (a: string, b: string) => string;
  badLang: (v: string) => string;
  badModel: (detail: string) => string;
  badAsOf: (v: string, detail: string) => string;
  badDelimiter: (v: string) => string;
  badDecimal: (v: string) => string;
  badHeaderRow: (v: string) => string;
  unknownEncoding: (v: string) => string;
  csvOnly: (opt: string) => string;
  xlsxOnly: (opt: string) => string;
  inputMissing: (path: string) => string;
  inputIsFolder: (path: string) => string;
  unsupportedFormat: (ext: string) => string;
  xlsFormat: (ext: string) => string;
  outFormat: (ext: string, out: string) => string;
  sameFile: (out: string, input: string, how: "path" | "link" | "case") => string;
  outExists: (out: string) => string;
  outIsFolder: (out: string) => string;
  outFolderMissing: (folder: string) => string;
  utf32: (file: string) => string;
  utf16NoBom: (file: string) => string;
  notUtf8: (file: string, offset: number, byte: number) => string;
  decodeFailed: (file: string, encoding: string, offset: number) => string;
  notXlsx: (file: string) => string;
  partsUnreadable: (file: string, parts: string) => string;
  badPart: (file: string, part: string, detail: string) => string;
  partMissing: () => string;
  noWorksheet: (file: string) => string;
  emptyFile: (file: string) => string;
  sheetNotFound: (sheet: string, names: string) => string;
  notAWorksheet: (sheet: string) => string;
  noHeaderRow: (where: string, rows: number, keys: string) => string;
  headerRowMissing: (where: string, row: number) => string;
  headerRowUnrecognised: (where: string, row: number, detail: string) => string;
  noDataRows: (where: string, row: number) => string;
  noRoom: (where: string) => string;
  readCsv: (file: string, encoding: string, delimiter: string, decimal: string, headerRow: number) => string;
  readXlsx: (file: string, sheet: string, headerRow: number) => string;
  decimalMixed: (decimal: string) => string;
  replacedOwn: (columns: string) => string;
  appendedAt: (columns: string) => string;
  errorRows: (count: number) => string;
  errorAt: (address: string, message: string) => string;
  moreErrors: (count: number) => string;
  wrote: (out: string, scored: number, asOf: string) => string;
  nothingScored: (out: string) => string;
  failed: (file: string, detail: string) => string;
};

function catalogueIn(lang: Lang): Catalogue {
  const r = (id: AnyMessageId, args: Readonly<Record<string, MessageArg>> = {}) => cliText(lang, id, args);
  return {
    usageHint: () => r("cli.score.usageHint"),
    unknownOption: (opt) => r("cli.score.unknownOption", { opt }),
    missingValue: (opt) => r("cli.score.missingValue", { opt }),
    noInput: () => r("cli.score.noInput"),
    tooManyInputs: (a, b) => r("cli.score.tooManyInputs", { first: a, second: b }),
    badLang: (v) => r("cli.score.badLang", { value: v }),
    badModel: (detail) => r("cli.score.badModel", { detail }),
    badAsOf: (v, detail) => r("cli.score.badAsOf", { value: v, detail }),
    badDelimiter: (v) => r("cli.score.badDelimiter", { value: v }),
    badDecimal: (v) => r("cli.score.badDecimal", { value: v }),
    badHeaderRow: (v) => r("cli.score.badHeaderRow", { value: v }),
    unknownEncoding: (v) => r("cli.score.unknownEncoding", { value: v }),
    csvOnly: (opt) => r("cli.score.csvOnly", { opt }),
    xlsxOnly: (opt) => r("cli.score.xlsxOnly", { opt }),
    inputMissing: (path) => r("cli.score.inputMissing", { path }),
    inputIsFolder: (path) => r("cli.score.inputIsFolder", { path }),
    unsupportedFormat: (ext) => r("cli.score.unsupportedFormat", { ext }),
    xlsFormat: (ext) => r("cli.score.xlsFormat", { ext }),
    outFormat: (ext, out) => r("cli.score.outFormat", { ext, out }),
    sameFile: (out, input, how) => r("cli.score.sameFile", { out, input, how }),
    outExists: (out) => r("cli.score.outExists", { out }),
    outIsFolder: (out) => r("cli.score.outIsFolder", { out }),
    outFolderMissing: (folder) => r("cli.score.outFolderMissing", { folder }),
    utf32: (file) => r("cli.score.utf32", { file }),
    utf16NoBom: (file) => r("cli.score.utf16NoBom", { file }),
    notUtf8: (file, offset, byte) => r("cli.score.notUtf8", { file, offset, byte }),
    decodeFailed: (file, encoding, offset) => r("cli.score.decodeFailed", { file, encoding, offset }),
    notXlsx: (file) => r("cli.score.notXlsx", { file }),
    partsUnreadable: (file, parts) => r("cli.score.partsUnreadable", { file, parts }),
    badPart: (file, part, detail) => r("cli.score.badPart", { file, part, detail }),
    partMissing: () => r("cli.score.partMissing"),
    noWorksheet: (file) => r("cli.score.noWorksheet", { file }),
    emptyFile: (file) => r("cli.score.emptyFile", { file }),
    sheetNotFound: (sheet, names) => r("cli.score.sheetNotFound", { sheet, names }),
    notAWorksheet: (sheet) => r("cli.score.notAWorksheet", { sheet }),
    noHeaderRow: (where, rows, keys) => r("cli.score.noHeaderRow", { where, rows, keys }),
    headerRowMissing: (where, row) => r("cli.score.headerRowMissing", { where, row }),
    headerRowUnrecognised: (where, row, detail) => r("cli.score.headerRowUnrecognised", { where, row, detail }),
    noDataRows: (where, row) => r("cli.score.noDataRows", { where, row }),
    noRoom: (where) => r("cli.score.noRoom", { where }),
    readCsv: (file, encoding, delimiter, decimal, headerRow) => r("cli.score.readCsv", { file, encoding, delimiter, decimal, headerRow }),
    readXlsx: (file, sheet, headerRow) => r("cli.score.readXlsx", { file, sheet, headerRow }),
    decimalMixed: (decimal) => r("cli.score.decimalMixed", { decimal }),
    replacedOwn: (columns) => r("cli.score.replacedOwn", { columns }),
    appendedAt: (columns) => r("cli.score.appendedAt", { columns }),
    errorRows: (count) => r("cli.score.errorRows", { count }),
    errorAt: (address, message) => r("cli.score.errorAt", { address, message }),
    moreErrors: (count) => r("cli.score.moreErrors", { count }),
    wrote: (out, scored, asOf) => r("cli.score.wrote", { out, scored, asOf }),
    nothingScored: (out) => r("cli.score.nothingScored", { out }),
    failed: (file, detail) => r("cli.score.failed", { file, detail }),
  };
}

export const MESSAGES: Record<Lang, Catalogue> = { en: catalogueIn("en"), zh: catalogueIn("zh") };

const DELIMITER_IDS: Record<string, AnyMessageId> = {
  ",": "cli.delimiter.comma",
  ";": "cli.delimiter.semicolon",
  "\t": "cli.delimiter.tab",
};

/** How a delimiter is named in messages. */
export const DELIMITER_NAMES: Record<Lang, Record<string, string>> = {
  en: Object.fromEntries(Object.entries(DELIMITER_IDS).map(([d, id]) => [d, cliText("en", id)])),
  zh: Object.fromEntries(Object.entries(DELIMITER_IDS).map(([d, id]) => [d, cliText("zh", id)])),
};

/** How an encoding is named in messages. */
export function encodingLabel(label: string, how: "bom" | "detected" | "given", lang: Lang): string {
  const name =
    label === "utf-8"
      ? "UTF-8"
      : label === "utf-16le"
        ? "UTF-16 LE"
        : label === "utf-16be"
          ? "UTF-16 BE"
          : label === "gb18030"
            ? "GB18030"
            : label;
  return how === "detected" ? name : cliText(lang, how === "bom" ? "cli.encoding.bom" : "cli.encoding.given", { name });
}

/** A user-facing failure: the message is already in the user's language. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds when compiled to ES5 (ts-jest)
  }
}

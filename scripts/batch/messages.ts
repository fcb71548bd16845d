/**
 * Every message `npm run score` prints, in English and Chinese. One function
 * per message, with the same keys in both languages (a test checks parity).
 * Messages say what happened and what to do next.
 */
import { Lang } from "../../src/engine/lang";

const n = (x: number) => x.toLocaleString("en-US");

export const USAGE: Record<Lang, string> = {
  en: `Usage: npm run score -- <in.csv|in.xlsx> [options]

Scores every customer row of a table and writes a copy of the file with the
risk columns appended (score, band, PD, coverage, reasons; recommended limit
and its rule when net worth or sales are present; the as-of date).
The input file is never changed.

Options:
  -o, --out <file>        output file (default: <in>.scored.csv / .xlsx, same format as the input)
  -f, --force             replace the output file if it exists (never the input)
      --as-of <date>      as-of date, yyyy-mm-dd (default: today)
      --lang <en|zh>      language of the risk columns and of messages (default: en)
      --sheet <name|n>    xlsx: the worksheet to score, by name or position (default: the first)
      --header-row <n>    the sheet row that holds the headers (default: the first row,
                          among rows 1–50, that names a scoring factor)
      --encoding <name>   csv: text encoding (default: detected — UTF-8 with or without BOM,
                          UTF-16 with BOM, GB18030/GBK); e.g. gb18030, utf-16le, windows-1252
      --delimiter <d>     csv: comma, semicolon or tab (default: detected)
      --decimal <mark>    csv: decimal mark, "." or "," (default: detected; semicolon files
                          usually use the comma)
      --model <file>      score with a model fitted by npm run calibrate -- <history>
                          (default: the shipped scorecard)
  -h, --help              show this help

Exit codes: 0 every row scored · 2 some rows have errors (see their cells) · 1 nothing scored.`,
  zh: `用法：npm run score -- <输入.csv|输入.xlsx> [选项]

为表格中的每一行客户评分，并把风险列（评分、等级、违约概率、数据覆盖率、扣分原因；
有净资产或营业收入时另加建议额度及其规则；评估日期）追加到文件副本中。
输入文件绝不会被修改。

选项：
  -o, --out <文件>        输出文件（默认：<输入>.scored.csv / .xlsx，与输入格式相同）
  -f, --force             输出文件已存在时替换它（绝不替换输入文件）
      --as-of <日期>      评估日期，yyyy-mm-dd（默认：今天）
      --lang <en|zh>      风险列和提示信息的语言（默认：en）
      --sheet <名称|序号> xlsx：要评分的工作表，按名称或位置（默认：第一个）
      --header-row <n>    表头所在的行号（默认：第 1–50 行中第一个含评分因子列名的行）
      --encoding <编码>   csv：文本编码（默认自动识别：UTF-8（有无 BOM 均可）、带 BOM 的 UTF-16、
                          GB18030/GBK）；例如 gb18030、utf-16le、windows-1252
      --delimiter <d>     csv：分隔符 comma、semicolon 或 tab（默认自动识别）
      --decimal <符号>    csv：小数点，"." 或 ","（默认自动识别；分号分隔的文件通常用逗号）
      --model <文件>      用 npm run calibrate -- <历史数据> 拟合的模型评分（默认：出厂评分卡）
  -h, --help              显示本帮助

退出码：0 全部行已评分 · 2 部分行有错误（见其单元格）· 1 没有任何行被评分。`,
};

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

const en: Catalogue = {
  usageHint: () => "Run npm run score -- --help for the options.",
  unknownOption: (opt) => `unknown option ${opt}.`,
  missingValue: (opt) => `${opt} needs a value.`,
  noInput: () => "no input file given: name a .csv or .xlsx file.",
  tooManyInputs: (a, b) => `only one input file, got "${a}" and "${b}".`,
  badLang: (v) => `--lang must be en or zh, got "${v}".`,
  badModel: (detail) => `--model: ${detail}. Give a model file written by npm run calibrate -- <history> --out <model.json>.`,
  badAsOf: (v, detail) => `--as-of "${v}" is not a date: ${detail} Write it as yyyy-mm-dd.`,
  badDelimiter: (v) => `--delimiter must be comma, semicolon or tab (or , ; \\t), got "${v}".`,
  badDecimal: (v) => `--decimal must be "." or ",", got "${v}".`,
  badHeaderRow: (v) => `--header-row must be a row number from 1 to 1048576, got "${v}".`,
  unknownEncoding: (v) => `--encoding "${v}" is not an encoding Node.js knows (try utf-8, utf-16le, gb18030, windows-1252).`,
  csvOnly: (opt) => `${opt} applies to CSV files only.`,
  xlsxOnly: (opt) => `${opt} applies to .xlsx files only.`,
  inputMissing: (path) => `input file not found: ${path}`,
  inputIsFolder: (path) => `${path} is a folder: name a .csv or .xlsx file.`,
  unsupportedFormat: (ext) => `cannot read "${ext || "(no extension)"}" files: give a .csv or .xlsx file.`,
  xlsFormat: (ext) => `cannot read "${ext}" files: open it in Excel and save it as .xlsx (Excel Workbook), then score that file.`,
  outFormat: (ext, out) => `the output must have the same format as the input (${ext}), got ${out}.`,
  sameFile: (out, input, how) =>
    `refusing to write ${out}: it is the input file ${input}${how === "link" ? " (a link to it)" : how === "case" ? " (the same name in other letter case, which is the same file on Windows and macOS)" : ""}. Choose another --out name; the input is never overwritten.`,
  outExists: (out) => `${out} already exists. Add --force to replace it, or choose another --out name.`,
  outIsFolder: (out) => `--out ${out} is a folder: give a file name.`,
  outFolderMissing: (folder) => `the output folder ${folder} does not exist.`,
  utf32: (file) => `${file} is UTF-32 text, which is not supported: save it as CSV UTF-8.`,
  utf16NoBom: (file) => `${file} looks like UTF-16 text without a byte-order mark: run again with --encoding utf-16le (or utf-16be).`,
  notUtf8: (file, offset, byte) =>
    `${file} is not UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} at offset ${n(offset)}) and does not look like Chinese GB18030/GBK either. Run again with --encoding naming its encoding (e.g. windows-1252 for Western European Excel), or save it from Excel as "CSV UTF-8".`,
  decodeFailed: (file, encoding, offset) => `${file} is not valid ${encoding} near byte ${n(offset)}: run again with --encoding naming its real encoding. Nothing was written.`,
  notXlsx: (file) => `${file} is not an .xlsx workbook (not a zip package; a password-protected workbook is not one either): open it in Excel and save it as .xlsx without a password.`,
  partsUnreadable: (file, parts) => `${file}: these parts cannot be copied (${parts}); nothing was written rather than a workbook without them. Open the file in Excel and save it again as .xlsx.`,
  badPart: (file, part, detail) => `${file}: part ${part} is damaged (${detail}). Open the file in Excel and save it again.`,
  noWorksheet: (file) => `${file} has no worksheet.`,
  emptyFile: (file) => `${file} is empty: nothing to score, nothing written.`,
  sheetNotFound: (sheet, names) => `no worksheet "${sheet}": the workbook has ${names}.`,
  notAWorksheet: (sheet) => `"${sheet}" is a chart sheet, not a worksheet: choose a worksheet with --sheet.`,
  noHeaderRow: (where, rows, keys) => `${where}: none of rows 1–${rows} names a scoring factor. Name the columns with factor names (${keys}, or their English/Chinese names), or give the header row with --header-row.`,
  headerRowMissing: (where, row) => `${where}: row ${n(row)} (--header-row) is empty or past the end of the sheet.`,
  headerRowUnrecognised: (where, row, detail) => `${where}, header row ${n(row)}: ${detail}`,
  noDataRows: (where, row) => `${where}: no data rows under header row ${n(row)}; nothing to score, nothing written.`,
  noRoom: (where) => `${where}: no room for the risk columns after the last used column (Excel has 16,384 columns).`,
  readCsv: (file, encoding, delimiter, decimal, headerRow) => `Read ${file} (${encoding}, ${delimiter}-separated, decimal ${decimal}), header row ${n(headerRow)}.`,
  readXlsx: (file, sheet, headerRow) => `Read ${file}, sheet ${sheet}, header row ${n(headerRow)}.`,
  decimalMixed: (decimal) => `Numbers with both decimal marks were seen; "${decimal}" was used. Cells written the other way are reported as errors. Use --decimal to choose.`,
  replacedOwn: (columns) => `Replaced the risk columns of an earlier run (${columns}).`,
  appendedAt: (columns) => `Risk columns written to ${columns}.`,
  errorRows: (count) => `${n(count)} row${count === 1 ? "" : "s"} could not be scored; the reason is in the row's cells. First ones:`,
  errorAt: (address, message) => `  ${address}: ${message}`,
  moreErrors: (count) => `  … and ${n(count)} more.`,
  wrote: (out, scored, asOf) => `Wrote ${out}: ${n(scored)} row${scored === 1 ? "" : "s"} scored as of ${asOf}.`,
  nothingScored: (out) => `No row could be scored${out ? `; the reasons are in ${out}` : ""}.`,
  failed: (file, detail) => `${file}: ${detail}`,
};

const zh: Catalogue = {
  usageHint: () => "运行 npm run score -- --help 查看选项。",
  unknownOption: (opt) => `未知选项 ${opt}。`,
  missingValue: (opt) => `${opt} 需要一个值。`,
  noInput: () => "未指定输入文件：请给出一个 .csv 或 .xlsx 文件。",
  tooManyInputs: (a, b) => `只能有一个输入文件，却给了 "${a}" 和 "${b}"。`,
  badLang: (v) => `--lang 只能是 en 或 zh，得到的是 "${v}"。`,
  badModel: (detail) => `--model：${detail}。请提供由 npm run calibrate -- <历史数据> --out <模型.json> 写出的模型文件。`,
  badAsOf: (v, detail) => `--as-of "${v}" 不是日期：${detail} 请写成 yyyy-mm-dd。`,
  badDelimiter: (v) => `--delimiter 只能是 comma、semicolon 或 tab（或 , ; \\t），得到的是 "${v}"。`,
  badDecimal: (v) => `--decimal 只能是 "." 或 ","，得到的是 "${v}"。`,
  badHeaderRow: (v) => `--header-row 必须是 1 到 1048576 之间的行号，得到的是 "${v}"。`,
  unknownEncoding: (v) => `Node.js 不认识编码 "${v}"（可试 utf-8、utf-16le、gb18030、windows-1252）。`,
  csvOnly: (opt) => `${opt} 只适用于 CSV 文件。`,
  xlsxOnly: (opt) => `${opt} 只适用于 .xlsx 文件。`,
  inputMissing: (path) => `找不到输入文件：${path}`,
  inputIsFolder: (path) => `${path} 是文件夹：请给出一个 .csv 或 .xlsx 文件。`,
  unsupportedFormat: (ext) => `无法读取 "${ext || "（无扩展名）"}" 文件：请给出 .csv 或 .xlsx 文件。`,
  xlsFormat: (ext) => `无法读取 "${ext}" 文件：请在 Excel 中打开并另存为 .xlsx（Excel 工作簿），再对该文件评分。`,
  outFormat: (ext, out) => `输出文件必须与输入格式相同（${ext}），得到的是 ${out}。`,
  sameFile: (out, input, how) =>
    `拒绝写入 ${out}：它就是输入文件 ${input}${how === "link" ? "（指向它的链接）" : how === "case" ? "（仅大小写不同的同名文件，在 Windows 和 macOS 上是同一个文件）" : ""}。请用 --out 另选文件名；输入文件永远不会被覆盖。`,
  outExists: (out) => `${out} 已存在。加 --force 可替换它，或用 --out 另选文件名。`,
  outIsFolder: (out) => `--out ${out} 是文件夹：请给出文件名。`,
  outFolderMissing: (folder) => `输出文件夹 ${folder} 不存在。`,
  utf32: (file) => `${file} 是 UTF-32 文本，不受支持：请另存为 CSV UTF-8。`,
  utf16NoBom: (file) => `${file} 看起来是没有字节顺序标记（BOM）的 UTF-16 文本：请加 --encoding utf-16le（或 utf-16be）重新运行。`,
  notUtf8: (file, offset, byte) =>
    `${file} 不是 UTF-8（偏移 ${n(offset)} 处的字节 0x${byte.toString(16).toUpperCase().padStart(2, "0")}），看起来也不是中文 GB18030/GBK。请用 --encoding 指明其编码（如西欧版 Excel 的 windows-1252）重新运行，或在 Excel 中另存为“CSV UTF-8”。`,
  decodeFailed: (file, encoding, offset) => `${file} 在第 ${n(offset)} 字节附近不是有效的 ${encoding}：请用 --encoding 指明其真实编码重新运行。未写入任何文件。`,
  notXlsx: (file) => `${file} 不是 .xlsx 工作簿（不是 zip 包；设有密码的工作簿也不是）：请在 Excel 中打开并不设密码另存为 .xlsx。`,
  partsUnreadable: (file, parts) => `${file}：以下部件无法复制（${parts}）；为免生成缺少它们的工作簿，未写入任何文件。请在 Excel 中打开并重新另存为 .xlsx。`,
  badPart: (file, part, detail) => `${file}：部件 ${part} 已损坏（${detail}）。请在 Excel 中打开并重新保存。`,
  noWorksheet: (file) => `${file} 中没有工作表。`,
  emptyFile: (file) => `${file} 是空文件：无可评分内容，未写入任何文件。`,
  sheetNotFound: (sheet, names) => `没有名为 "${sheet}" 的工作表：工作簿中有 ${names}。`,
  notAWorksheet: (sheet) => `"${sheet}" 是图表工作表，不是普通工作表：请用 --sheet 选择一个工作表。`,
  noHeaderRow: (where, rows, keys) => `${where}：第 1–${rows} 行中没有任何一行含评分因子列名。请用因子名（${keys}，或其中英文名称）命名各列，或用 --header-row 指定表头行。`,
  headerRowMissing: (where, row) => `${where}：第 ${n(row)} 行（--header-row）为空或超出工作表末尾。`,
  headerRowUnrecognised: (where, row, detail) => `${where}，表头行 ${n(row)}：${detail}`,
  noDataRows: (where, row) => `${where}：表头行 ${n(row)} 下没有数据行；无可评分内容，未写入任何文件。`,
  noRoom: (where) => `${where}：最后一个已用列之后没有空间放风险列（Excel 最多 16,384 列）。`,
  readCsv: (file, encoding, delimiter, decimal, headerRow) => `已读取 ${file}（${encoding}，${delimiter}分隔，小数点 ${decimal}），表头行 ${n(headerRow)}。`,
  readXlsx: (file, sheet, headerRow) => `已读取 ${file}，工作表 ${sheet}，表头行 ${n(headerRow)}。`,
  decimalMixed: (decimal) => `发现两种小数点写法的数字；已按 "${decimal}" 读取，另一种写法的单元格报为错误。可用 --decimal 指定。`,
  replacedOwn: (columns) => `已替换上次运行写入的风险列（${columns}）。`,
  appendedAt: (columns) => `风险列写入 ${columns}。`,
  errorRows: (count) => `${n(count)} 行无法评分；原因写在该行的单元格中。前几行：`,
  errorAt: (address, message) => `  ${address}：${message}`,
  moreErrors: (count) => `  …… 另有 ${n(count)} 行。`,
  wrote: (out, scored, asOf) => `已写入 ${out}：${n(scored)} 行已评分，评估日期 ${asOf}。`,
  nothingScored: (out) => `没有任何行能被评分${out ? `；原因见 ${out}` : ""}。`,
  failed: (file, detail) => `${file}：${detail}`,
};

export const MESSAGES: Record<Lang, Catalogue> = { en, zh };

/** How a delimiter is named in messages. */
export const DELIMITER_NAMES: Record<Lang, Record<string, string>> = {
  en: { ",": "comma", ";": "semicolon", "\t": "tab" },
  zh: { ",": "逗号", ";": "分号", "\t": "制表符" },
};

/** How an encoding is named in messages. */
export function encodingLabel(label: string, how: "bom" | "detected" | "given", lang: Lang): string {
  const name = label === "utf-8" ? "UTF-8" : label === "utf-16le" ? "UTF-16 LE" : label === "utf-16be" ? "UTF-16 BE" : label === "gb18030" ? "GB18030" : label;
  const tail = { en: { bom: " with BOM", detected: "", given: ", as given" }, zh: { bom: "，带 BOM", detected: "", given: "，按指定" } }[lang][how];
  return name + tail;
}

/** A user-facing failure: the message is already in the user's language. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype); // instanceof holds when compiled to ES5 (ts-jest)
  }
}

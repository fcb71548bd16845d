/**
 * `npm run score` for CSV files: streams the input (any encoding, see
 * scripts/io/encoding.ts), scores it chunk by chunk and streams the output,
 * so memory stays flat for any number of rows.
 *
 * Output: UTF-8 with a byte-order mark (Excel needs it to show Chinese), the
 * input's delimiter and decimal mark, CRLF line ends; the user's rows and
 * columns as they were (text that a spreadsheet would run as a formula gets a
 * leading apostrophe), then the risk columns. Rows above the header row are
 * copied unchanged. When the header row already ends with this CLI's risk
 * columns (an earlier run), they are replaced, not appended again.
 */
import type { CreditPolicy } from "../../src/engine/policy";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { Writable } from "node:stream";
import { once } from "node:events";
import { parse } from "csv-parse";
import { Lang } from "../../src/engine/lang";
import { FACTOR_KEYS } from "../../src/engine/scoring/factors";
import { acceptedKeysText } from "../../src/engine/scoring/headers";
import { DecodeError, Encoding, decoderStream, detectEncoding, sampleText } from "../io/encoding";
import { writeAtomic } from "../io/safe-output";
import { columnName } from "../io/xlsx-parts";
import {
  DecimalMark,
  Delimiter,
  formatCsv,
  csvCellValue,
  csvSafe,
  detectDecimal,
  formatNumber,
  readerOptions,
  sepLine,
  sniffDelimiter,
} from "./csv";
import { DELIMITER_NAMES, MESSAGES, UserError, encodingLabel } from "./messages";
import { CHUNK_ROWS, HEADER_SEARCH_ROWS, ScoreStats, TableScorer, namesAFactor, ownBlockAtEnd } from "./table";

export interface CsvJob {
  input: string;
  out: string;
  force: boolean;
  lang: Lang;
  asOf: string;
  encoding?: string;
  delimiter?: Delimiter;
  decimal?: DecimalMark;
  headerRow?: number;
  /** Test hook: called after each chunk is written (a throw here is an interrupted run). */
  afterChunk?: (chunks: number) => void | Promise<void>;
  /** The policy (model) to score with; default the shipped one. */
  policy?: CreditPolicy;
}

export interface RunResult {
  stats: ScoreStats;
  /** Messages about what was read and written, in the user's language. */
  notes: string[];
}

/** The pass must run again with what it learnt (a longer row than the header, data right of an earlier run's columns). */
class Restart {
  constructor(
    readonly width: number,
    readonly ownEnabled: boolean,
  ) {}
}

interface Plan {
  width: number;
  ownEnabled: boolean;
}

/** Index after the last non-empty field. */
function filled(fields: readonly string[]): number {
  let e = fields.length;
  while (e > 0 && fields[e - 1].trim() === "") e--;
  return e;
}

function pad(fields: readonly string[], width: number): string[] {
  const out = fields.slice(0, Math.max(width, filled(fields)));
  while (out.length < width) out.push("");
  return out;
}

function records(job: CsvJob, enc: Encoding, delimiter: Delimiter, fromLine: number): AsyncIterable<string[]> {
  const file = createReadStream(job.input, { start: enc.bomLength, highWaterMark: 1 << 20 });
  const decode = decoderStream(enc.label, enc.bomLength);
  const parser = parse({ ...readerOptions(delimiter), from_line: fromLine, bom: false });
  file.on("error", (e) => parser.destroy(e));
  decode.on("error", (e) => parser.destroy(e));
  file.pipe(decode).pipe(parser);
  return parser;
}

export async function scoreCsv(job: CsvJob): Promise<RunResult> {
  const msg = MESSAGES[job.lang];
  const file = basename(job.input);
  const enc = await detectEncoding(job.input, job.encoding);
  if ("kind" in enc) {
    if (enc.kind === "unknown-encoding") throw new UserError(msg.unknownEncoding(enc.label));
    if (enc.kind === "utf32") throw new UserError(msg.utf32(file));
    if (enc.kind === "utf16-no-bom") throw new UserError(msg.utf16NoBom(file));
    throw new UserError(msg.notUtf8(file, enc.offset, enc.byte));
  }
  const sample = sampleText(job.input, enc.label, enc.bomLength);
  const sep = sepLine(sample);
  const delimiter = job.delimiter ?? sep ?? sniffDelimiter(sample);

  let plan: Plan = { width: 0, ownEnabled: true };
  for (let attempt = 0; ; attempt++) {
    try {
      let result: RunResult | undefined;
      await writeAtomic(job.out, job.force, async (stream) => {
        result = await pass(job, enc, delimiter, sep !== null, plan, stream);
      });
      return result!;
    } catch (e) {
      if (e instanceof Restart && attempt === 0) {
        plan = { width: e.width, ownEnabled: e.ownEnabled };
        continue;
      }
      if (e instanceof DecodeError) throw new UserError(msg.decodeFailed(file, e.encoding, e.offset));
      throw e;
    }
  }
}

async function pass(
  job: CsvJob,
  enc: Encoding,
  delimiter: Delimiter,
  hasSepLine: boolean,
  plan: Plan,
  stream: Writable,
): Promise<RunResult> {
  const msg = MESSAGES[job.lang];
  const file = basename(job.input);
  const address = (row: number, col: number | null) => (col === null ? `${file}!${row}:${row}` : `${file}!${columnName(col)}${row}`);

  const before: string[][] = [];
  let header: string[] | null = null;
  let headerRow = 0;
  let ownLen = 0;
  let userLen = 0;
  let width = 0;
  let scorer: TableScorer | null = null;
  let decimal: DecimalMark = job.decimal ?? ".";
  let decimalMixed = false;
  let pending: { sheetRow: number; fields: string[] }[] = [];
  let chunks = 0;
  let scanOnly: { width: number; ownEnabled: boolean } | null = null;
  let recNo = 0;

  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, "drain");
  };
  const line = (rows: string[][]) => formatCsv(rows, delimiter);
  const out = (v: string | number) => (typeof v === "number" ? formatNumber(v, decimal) : csvSafe(v, decimal));

  const flush = async () => {
    if (!scorer || !header) return;
    if (chunks === 0) {
      if (job.decimal === undefined) {
        const d = detectDecimal(
          pending.map((p) => p.fields),
          delimiter,
        );
        decimal = d.decimal;
        decimalMixed = d.mixed;
      }
      let head = "\ufeff";
      if (hasSepLine) head += `sep=${delimiter}\r\n`;
      const top = before.map((r) => r.map((f) => csvSafe(f, decimal)));
      top.push([...pad(header.slice(0, userLen), width).map((f) => csvSafe(f, decimal)), ...scorer.outHeader.map(out)]);
      await write(head + line(top));
    }
    if (pending.length === 0) return;
    const read = scorer.read;
    const values = scorer.score(
      pending.map((p) => ({
        sheetRow: p.sheetRow,
        cells: Array.from({ length: width }, (_, j) => (read[j] && j < p.fields.length ? csvCellValue(p.fields[j], decimal) : null)),
      })),
    );
    const rows = pending.map((p, i) => [...pad(p.fields, width).map((f) => csvSafe(f, decimal)), ...values[i].map(out)]);
    pending = [];
    await write(line(rows));
    chunks++;
    await job.afterChunk?.(chunks);
  };

  for await (const rec of records(job, enc, delimiter, hasSepLine ? 2 : 1)) {
    recNo++;
    if (header === null) {
      const isHeader = job.headerRow !== undefined ? recNo === job.headerRow : namesAFactor(rec);
      if (!isHeader) {
        before.push(rec);
        if (job.headerRow === undefined && recNo >= HEADER_SEARCH_ROWS) break;
        continue;
      }
      header = rec;
      headerRow = recNo;
      ownLen = plan.ownEnabled ? ownBlockAtEnd(rec) : 0;
      userLen = ownLen ? filled(rec) - ownLen : rec.length;
      width = Math.max(ownLen ? userLen : filled(rec), plan.width);
      const cells = pad(header.slice(0, userLen), width);
      try {
        scorer = new TableScorer(cells, { lang: job.lang, asOf: job.asOf, address, policy: job.policy });
      } catch (e) {
        throw new UserError(msg.headerRowUnrecognised(file, headerRow, e instanceof Error ? e.message : String(e)));
      }
      continue;
    }
    let fields = rec;
    if (ownLen) {
      // Cells right of an earlier run's columns belong to the user: those columns are then not ours to replace.
      if (filled(rec) > userLen + ownLen) scanOnly ??= { width: 0, ownEnabled: false };
      fields = rec.slice(0, userLen);
    }
    const f = filled(fields);
    if (!scanOnly && f > width) scanOnly = { width: 0, ownEnabled: plan.ownEnabled };
    if (scanOnly) {
      scanOnly.width = Math.max(scanOnly.width, scanOnly.ownEnabled ? filled(fields) : filled(rec), width);
      continue;
    }
    pending.push({ sheetRow: recNo, fields });
    if (pending.length >= CHUNK_ROWS) await flush();
  }
  if (scanOnly) throw new Restart(scanOnly.width, scanOnly.ownEnabled);
  if (header === null || !scorer) {
    if (recNo === 0) throw new UserError(msg.emptyFile(file));
    if (job.headerRow !== undefined) throw new UserError(msg.headerRowMissing(file, job.headerRow));
    throw new UserError(msg.noHeaderRow(file, Math.min(recNo, HEADER_SEARCH_ROWS), acceptedKeysText(FACTOR_KEYS)));
  }
  await flush();
  if (scorer.stats.scored === 0 && scorer.stats.errorRows === 0) throw new UserError(msg.noDataRows(file, headerRow));

  const notes = [
    msg.readCsv(
      file,
      encodingLabel(enc.label, enc.how, job.lang),
      DELIMITER_NAMES[job.lang][delimiter],
      decimal === "," ? "," : ".",
      headerRow,
    ),
  ];
  if (decimalMixed) notes.push(msg.decimalMixed(decimal));
  const cols = `${columnName(width)}:${columnName(width + scorer.outHeader.length - 1)}`;
  notes.push(ownLen ? msg.replacedOwn(cols) : msg.appendedAt(cols));
  return { stats: scorer.stats, notes };
}

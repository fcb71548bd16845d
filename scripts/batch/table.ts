/**
 * What the CSV and the xlsx paths of `npm run score` share: finding the header
 * row, recognising the risk columns of an earlier run, and scoring a table in
 * chunks of rows so that memory stays bounded whatever the file's length.
 * Scoring itself is `scoreTable` (the engine's CREDITSCORE and CREDITLIMIT cores).
 */
import type { CreditPolicy } from "../../src/engine/policy";
import { Lang } from "../../src/engine/lang";
import { matchHeader } from "../../src/engine/scoring/headers";
import { isFactorKey } from "../../src/engine/scoring/factors";
import { columnsRead, errorColumn, ownHeaderSets, scoreTable } from "./score-table";

/** Rows scored together: large enough to be fast, small enough to keep memory flat. */
export const CHUNK_ROWS = 2000;

/** Rows looked at for the header when --header-row is not given. */
export const HEADER_SEARCH_ROWS = 50;

/** True when some cell of `cells` names a scoring factor. */
export function namesAFactor(cells: readonly unknown[]): boolean {
  return cells.some((c) => {
    const key = matchHeader(c);
    return key !== null && isFactorKey(key);
  });
}

function text(c: unknown): string {
  return typeof c === "string" ? c.trim() : "";
}

/** True when `cells` are exactly one of the header blocks this CLI writes (en or zh, with or without limit columns). */
export function isOwnHeader(cells: readonly unknown[]): boolean {
  return ownHeaderSets().some((set) => set.length === cells.length && set.every((h, k) => text(cells[k]) === h));
}

/**
 * CSV: the length of this CLI's header block at the very end of a header row
 * (trailing empty cells ignored), or 0. Only an exact, complete block counts,
 * so a user's own "Score" column is never taken for ours.
 */
export function ownBlockAtEnd(header: readonly unknown[]): number {
  let end = header.length;
  while (end > 0 && text(header[end - 1]) === "") end--;
  const sets = ownHeaderSets().sort((a, b) => b.length - a.length);
  for (const set of sets) {
    if (end < set.length) continue;
    if (isOwnHeader(header.slice(end - set.length, end))) return set.length;
  }
  return 0;
}

export interface ScoreStats {
  /** Rows under the header (blank ones included). */
  dataRows: number;
  /** Rows with a score and no error. */
  scored: number;
  /** Rows whose score or limit is an error. */
  errorRows: number;
  /** The first few errors, with the cell's sheet address. */
  firstErrors: { address: string; message: string }[];
}

export interface ChunkRow {
  /** Sheet row number (1-based), for messages. */
  sheetRow: number;
  /** Cells of the row, column by column like the header. */
  cells: unknown[];
}

/**
 * Scores a table chunk by chunk. The constructor checks the header (throws the
 * engine's message when no column is a factor); `score` returns the risk
 * columns for each row of a chunk, and `stats` adds up the run.
 */
export class TableScorer {
  readonly outHeader: string[];
  readonly read: boolean[];
  readonly stats: ScoreStats = { dataRows: 0, scored: 0, errorRows: 0, firstErrors: [] };

  constructor(
    private readonly header: unknown[],
    private readonly opts: {
      lang: Lang;
      asOf: string;
      address: (sheetRow: number, column: number | null) => string;
      report?: number;
      policy?: CreditPolicy;
    },
  ) {
    this.outHeader = scoreTable([header, header.map(() => null)], opts).header;
    this.read = columnsRead(header);
  }

  score(rows: readonly ChunkRow[]): (string | number)[][] {
    if (rows.length === 0) return [];
    const result = scoreTable([this.header, ...rows.map((r) => r.cells)], this.opts);
    const s = this.stats;
    s.dataRows += rows.length;
    s.errorRows += result.errorRows;
    const report = this.opts.report ?? 5;
    for (const e of result.errors) {
      if (s.firstErrors.length >= report) break;
      const row = rows[e.index];
      const col = errorColumn(this.header, row.cells, this.opts);
      s.firstErrors.push({ address: this.opts.address(row.sheetRow, col), message: e.message });
    }
    const failed = new Set(result.errors.map((e) => e.index));
    result.rows.forEach((r, i) => {
      if (typeof r[0] === "number" && !failed.has(i)) s.scored++;
    });
    return result.rows;
  }
}

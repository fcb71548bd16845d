/** Summarising a review: totals by band, breaches, aging, DSO, heat map, ledger join figures. */
import { isEngineError } from "../errors";
import { Lang } from "../lang";
import { BANDS, Band } from "../scoring/model";
import { agingLabels } from "../receivables/aging";
import { MAX_ERROR_MESSAGES } from "./ledger-digest";
import { BAND_LABELS, BandKey, NO_EXPOSURE_TEXT, NO_LEDGER_TEXT, NO_OPEN_LABEL } from "./texts";
import { PercentColumn } from "./percent-columns";
import { DataProblem, SheetLocation, cellLocation } from "./place";
import { DuplicateId, ReviewState } from "./review-state";

export interface BandFigures {
  band: BandKey;
  label: string;
  /** Customers (rows) in the band. */
  count: number;
  exposure: number;
  expectedLoss: number;
  /** Sum of recommended limits. */
  recommendedLimit: number;
}

export interface LimitBreach {
  row: number;
  /** The row number Excel shows (1-based sheet row). */
  sheetRow: number;
  id: string | number | null;
  name: string | null;
  band: Band | null;
  exposure: number;
  limit: number;
  /** exposure − limit, > 0. */
  excess: number;
}

export interface UnmatchedLedgerId {
  id: string | number;
  invoices: number;
  /** Open amount at as-of. */
  open: number;
  /** The customer_id cell of the id's first ledger row. */
  at: SheetLocation;
}

export interface PortfolioSummary {
  asOf: number;
  lang: Lang;
  modelVersion: string;
  policyVersion: string;
  /** Data rows in the table. */
  rows: number;
  /** Rows reviewed so far (= rows when complete). */
  reviewed: number;
  complete: boolean;
  blankRows: number;
  /** Reviewed, non-blank rows. */
  customers: number;
  scored: number;
  /** Error rows (bad cells, or no factor values). */
  errors: number;
  /** The first few error messages, in row order. */
  errorMessages: string[];
  /** The same first few errors with the cell (or row) each is about. */
  errorItems: DataProblem[];
  /** A–E then "not_scored" (error rows). */
  bands: BandFigures[];
  totals: { exposure: number; expectedLoss: number; recommendedLimit: number; currentLimit: number };
  /** Exposure in bands D and E ÷ all exposure; null when there is no exposure. */
  exposureShareDE: number | null;
  exposureNote: string | null;
  /** Exposure above the recommended limit, largest excess first. */
  breaches: LimitBreach[];
  breachExcess: number;
  /** Exposure above the current (mapped) limit, largest excess first. */
  breachesCurrent: LimitBreach[];
  breachCurrentExcess: number;
  /** Open amount by aging bucket over the ledger customers joined to the table; null without a ledger. */
  aging: { labels: string[]; amounts: number[]; overdue: number; open: number } | null;
  /** Standard DSO of the whole ledger; null with `dsoNote` otherwise. */
  dso: number | null;
  dsoNote: string | null;
  /**
   * Exposure by band (rows: A–E, not scored) × aging bucket (columns: buckets,
   * then "No open invoices"), for rows joined to the ledger: each row's
   * exposure is split pro rata over its positive open amounts per bucket.
   */
  heatMap: { rows: string[]; columns: string[]; cells: number[][] } | null;
  heatMapNote: string | null;
  /** Exposure of reviewed rows with no ledger customer (not in the heat map). */
  exposureWithoutLedger: number;
  ledger: {
    invoices: number;
    badRows: number;
    errorMessages: string[];
    /** The same first few bad ledger rows with the offending cell. */
    errorItems: DataProblem[];
    customers: number;
    matched: number;
    unmatched: UnmatchedLedgerId[];
    unmatchedOpen: number;
  } | null;
  duplicateIds: DuplicateId[];
  /**
   * Ratio columns that look like percent numbers (55.3 for 55.3 %), with the
   * warning in the review language; their rows are still scored (never
   * rescaled), so their scores are wrong until the column is fixed.
   */
  percentColumns: PercentColumn[];
}

const BAND_KEYS: readonly BandKey[] = [...BANDS, "not_scored"];

function byExcess(a: LimitBreach, b: LimitBreach): number {
  return b.excess - a.excess || a.row - b.row;
}

/**
 * Aggregates the reviewed rows (in row order, so the result does not depend
 * on how the rows were chunked). Call it at any time: `complete` says whether
 * every row has been reviewed.
 */
export function summarise(state: ReviewState): PortfolioSummary {
  const lang = state.lang;
  const nb = state.agingEdges.length + 2;
  const bands: BandFigures[] = BAND_KEYS.map((b) => ({
    band: b,
    label: BAND_LABELS[b][lang],
    count: 0,
    exposure: 0,
    expectedLoss: 0,
    recommendedLimit: 0,
  }));
  const cells = BAND_KEYS.map(() => new Array<number>(nb + 1).fill(0));
  const totals = { exposure: 0, expectedLoss: 0, recommendedLimit: 0, currentLimit: 0 };
  const breaches: LimitBreach[] = [];
  const breachesCurrent: LimitBreach[] = [];
  const errorMessages: string[] = [];
  const errorItems: DataProblem[] = [];
  let blankRows = 0,
    customers = 0,
    scored = 0,
    errors = 0,
    anyExposure = false,
    exposureWithoutLedger = 0;
  let breachExcess = 0,
    breachCurrentExcess = 0;
  for (let r = 0; r < state.total; r++) {
    const c = state.results[r];
    if (!c) continue;
    if (c.blank) {
      blankRows++;
      continue;
    }
    customers++;
    const bi = c.band === null ? BANDS.length : BANDS.indexOf(c.band);
    const bf = bands[bi];
    bf.count++;
    if (c.error) {
      errors++;
      if (errorMessages.length < MAX_ERROR_MESSAGES) {
        errorMessages.push(c.error.message);
        if (c.errorAt) errorItems.push({ message: c.error.message, at: c.errorAt });
      }
    } else scored++;
    const x = c.exposure;
    if (x !== null) {
      anyExposure = true;
      bf.exposure += x;
      totals.exposure += x;
      if (c.ledger && c.overdueByBucket) {
        const a = c.overdueByBucket;
        let pos = 0;
        for (let k = 0; k < nb; k++) if (a[k] > 0) pos += a[k];
        const line = cells[bi];
        if (pos > 0) {
          for (let k = 0; k < nb; k++) if (a[k] > 0) line[k] += (x * a[k]) / pos;
        } else line[nb] += x;
      } else exposureWithoutLedger += x;
    }
    if (c.expectedLoss !== null) {
      bf.expectedLoss += c.expectedLoss;
      totals.expectedLoss += c.expectedLoss;
    }
    if (c.limit !== null) {
      bf.recommendedLimit += c.limit;
      totals.recommendedLimit += c.limit;
    }
    if (c.currentLimit !== null) totals.currentLimit += c.currentLimit;
    // One breach row, against the recommended or the current limit.
    const breachRow = (limit: number, excess: number) => ({
      row: r,
      sheetRow: c.sheetRow,
      id: c.id,
      name: c.name,
      band: c.band,
      exposure: x as number,
      limit,
      excess,
    });
    if (c.breach !== null && c.breach > 0) {
      breaches.push(breachRow(c.limit as number, c.breach));
      breachExcess += c.breach;
    }
    if (c.breachCurrent !== null && c.breachCurrent > 0) {
      breachesCurrent.push(breachRow(c.currentLimit as number, c.breachCurrent));
      breachCurrentExcess += c.breachCurrent;
    }
  }
  breaches.sort(byExcess);
  breachesCurrent.sort(byExcess);
  const de = bands[3].exposure + bands[4].exposure;

  const lg = state.ledger;
  let aging: PortfolioSummary["aging"] = null;
  let ledgerOut: PortfolioSummary["ledger"] = null;
  let dso: number | null = null;
  let dsoNote: string | null = NO_LEDGER_TEXT[lang];
  const labels = agingLabels(state.agingEdges, lang);
  if (lg) {
    const amounts = new Array<number>(nb).fill(0);
    const unmatched: UnmatchedLedgerId[] = [];
    let unmatchedOpen = 0,
      matched = 0;
    for (const c of lg.order) {
      if (c.matchedRow >= 0) {
        matched++;
        for (let k = 0; k < nb; k++) amounts[k] += c.aging[k];
      } else {
        unmatched.push({ id: c.cell, invoices: c.invoices, open: c.open, at: cellLocation(lg.place, c.firstRow, lg.idColumn) });
        unmatchedOpen += c.open;
      }
    }
    let open = 0;
    for (let k = 0; k < nb; k++) open += amounts[k];
    aging = { labels, amounts, overdue: open - amounts[0], open };
    ledgerOut = {
      invoices: lg.invoices,
      badRows: lg.badRows,
      errorMessages: lg.firstErrors.map((e) => e.message),
      errorItems: lg.firstProblems.map((x) => ({ ...x })),
      customers: lg.order.length,
      matched,
      unmatched,
      unmatchedOpen,
    };
    if (isEngineError(lg.dso)) dsoNote = lg.dso.message;
    else {
      dso = lg.dso;
      dsoNote = null;
    }
  }

  return {
    asOf: state.asOf,
    lang,
    modelVersion: state.policy.model.version,
    policyVersion: state.policy.version,
    rows: state.total,
    reviewed: state.done,
    complete: state.done === state.total,
    blankRows,
    customers,
    scored,
    errors,
    errorMessages,
    errorItems,
    bands,
    totals,
    exposureShareDE: totals.exposure > 0 ? de / totals.exposure : null,
    exposureNote: anyExposure ? null : NO_EXPOSURE_TEXT[lang],
    breaches,
    breachExcess,
    breachesCurrent,
    breachCurrentExcess,
    aging,
    dso,
    dsoNote,
    heatMap: lg ? { rows: BAND_KEYS.map((b) => BAND_LABELS[b][lang]), columns: [...labels, NO_OPEN_LABEL[lang]], cells } : null,
    heatMapNote: lg ? null : NO_LEDGER_TEXT[lang],
    exposureWithoutLedger,
    ledger: ledgerOut,
    duplicateIds: state.duplicates.map((d) => ({ id: d.id, rows: [...d.rows], sheetRows: [...d.sheetRows], at: [...d.at] })),
    percentColumns: state.percentColumns.map((c) => ({ ...c })),
  };
}

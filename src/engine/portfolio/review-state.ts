/** The review's types: its input, per-row results, the column plan and the state (see review.ts). */
import { EngineError } from "../errors";
import { Lang } from "../lang";
import { CreditPolicy } from "../policy";
import { Band, CompiledModel } from "../scoring/model";
import { LimitRule } from "../limit/limit";
import { ColumnMapping, MappingIssue } from "./mapping";
import { LedgerDigest } from "./ledger-digest";
import { PercentColumn } from "./percent-columns";
import { SheetLocation, SheetPlace } from "./place";

/** Tuning of the review beyond the credit policy. */
export interface ReviewOptions {
  /** Loss given default for expected loss, 0–1 (default 0.6 = `DEFAULT_LGD`). */
  expectedLossLgd?: number;
  /** Aging bucket edges in days past due (default 30, 60, 90). */
  agingEdges?: readonly number[];
  /** Sales period of the portfolio DSO in days (default 90). */
  dsoPeriodDays?: number;
}

/** A mapped table: header row, data rows (no header), mapping, and where it sits on its sheet. */
export interface MappedTable {
  headers: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  mapping: ColumnMapping;
  /**
   * Sheet name, 0-based sheet row of the first data row and 0-based first
   * column (the pane passes the `TableArea` readTable gave): messages name
   * sheet rows and cells from it. Default `DEFAULT_PLACE` (header in row 1
   * from column A, no sheet name).
   */
  place?: SheetPlace | null;
}

export interface ReviewInput extends MappedTable {
  /** Optional invoice ledger, joined on customer_id. */
  ledger?: MappedTable | null;
  /** As-of date (Excel serial). */
  asOf: number;
  policy: CreditPolicy;
  lang: Lang;
  options?: ReviewOptions;
}

/** The review of one customer row. Amounts are in the table's currency. */
export interface CustomerResult {
  /** 0-based index of the row in the table's data rows. */
  row: number;
  /** The row number Excel shows for this row (1-based sheet row). */
  sheetRow: number;
  /** customer_id as given (trimmed text or number), or null (no column / blank cell: identify by row). */
  id: string | number | null;
  name: string | null;
  /** True when every mapped cell of the row is blank (left out of all counts). */
  blank: boolean;
  /** Score 0–100 (unrounded), null when not scored. */
  score: number | null;
  band: Band | null;
  /** 12-month probability of default implied by the score. */
  pd: number | null;
  /** Share of the model's weight that was observed, 0–1. */
  coverage: number | null;
  /** Recommended limit, null when neither net worth (equity, else assets − liabilities) nor turnover (sales) is known (band E: 0, cash in advance), or not scored. */
  limit: number | null;
  limitRule: LimitRule | null;
  /** `LIMIT_RULE_TEXT[limitRule][lang]`. */
  limitRuleText: string | null;
  /** The mapped credit_limit (current limit). */
  currentLimit: number | null;
  /** Exposure (≥ 0): the exposure cell, else the joined ledger's open amount. */
  exposure: number | null;
  exposureSource: "table" | "ledger" | null;
  /** limit − exposure (negative = over the limit). */
  headroom: number | null;
  /** max(0, exposure − recommended limit). */
  breach: number | null;
  /** max(0, exposure − current limit). */
  breachCurrent: number | null;
  /** exposure × pd × lgd. */
  expectedLoss: number | null;
  /** True when a ledger customer is joined to this row. */
  ledger: boolean;
  /** Worst dunning stage of the open invoices, in the review language (ledger only). */
  dunningStage: string | null;
  /** −1 nothing open, 0 not due, 1..n ladder stage (ledger only). */
  dunningStageNumber: number | null;
  /** True when only disputed invoices reach the worst stage (held out of escalation). */
  dunningOnHold: boolean;
  /** Open amount per aging bucket (index 0 = not yet due), from the ledger; shared, do not mutate. */
  overdueByBucket: readonly number[] | null;
  /** True when another row has the same customer_id. */
  duplicateId: boolean;
  /** The problem of a bad row (it is then not scored); other rows are unaffected. */
  error: EngineError | null;
  /** Where the problem is: the offending cell, or the row (no factor values); null without an error. */
  errorAt: SheetLocation | null;
}

export interface DuplicateId {
  id: string | number;
  /** Rows (0-based data rows) that carry the id, the first of which gets the ledger. */
  rows: number[];
  /** The same rows as Excel numbers them (1-based sheet rows). */
  sheetRows: number[];
  /** The id cell of each of those rows. */
  at: SheetLocation[];
}

/** Column plan and scratch space, built once per review. */
export interface Plan {
  readonly rows: readonly (readonly unknown[])[];
  readonly place: SheetPlace;
  readonly compiled: CompiledModel;
  readonly factorCol: Int32Array;
  readonly factorIdx: Int32Array;
  readonly factorMin: Float64Array;
  readonly factorMax: Float64Array;
  readonly factorInt: Uint8Array;
  readonly factorFlag: Uint8Array;
  readonly factorHeader: string[];
  readonly derive: boolean;
  readonly idCol: number;
  readonly nameCol: number;
  readonly exposureCol: number;
  readonly limitCol: number;
  readonly requestedCol: number;
  readonly termsCol: number;
  readonly headers: string[];
  readonly lgd: number;
  /** Ledger customer index per row, −1 none. */
  readonly ledgerOf: Int32Array;
  readonly duplicate: Uint8Array;
  readonly v: Float64Array;
  readonly pair: Float64Array;
  /** Factors the table has a column for (by factor index): a blank there is "not reported", not "not known". */
  readonly given: Uint8Array;
}

/** A review in progress. Read its fields; change it only through `reviewChunk`. */
export interface ReviewState {
  readonly total: number;
  /** Rows reviewed so far. */
  done: number;
  /** One entry per data row, null until reviewed. */
  readonly results: (CustomerResult | null)[];
  /** Warnings of the mappings (errors stop `prepareReview`). */
  readonly warnings: readonly MappingIssue[];
  readonly duplicates: readonly DuplicateId[];
  /** Ratio columns that look like percent numbers (see `findPercentColumns`), in column order. */
  readonly percentColumns: readonly PercentColumn[];
  readonly ledger: LedgerDigest | null;
  readonly asOf: number;
  readonly policy: CreditPolicy;
  readonly lang: Lang;
  readonly agingEdges: readonly number[];
  /** Where the customer table sits on its sheet (the given place, or `DEFAULT_PLACE`). */
  readonly place: SheetPlace;
  /** Internal column plan. */
  readonly plan: Plan;
}

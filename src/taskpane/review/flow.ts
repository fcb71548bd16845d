/**
 * The review flow as a reducer: which tables are picked with which mapping,
 * the as-of date, the running review and its progress, the outcome, the step
 * (tab) shown, the customer explained and the customer list's view. Pure: the
 * hook `useReviewFlow` runs the I/O and dispatches these actions.
 *
 * Rules kept here, in one place:
 * - a new customer table makes the last review stale (its results go);
 * - steps other than Data need a review; a finished review opens the Overview;
 * - the explanation is a drawer over the current step: opened from the pane
 *   (list, breach table); a row selected in the sheet follows it when open and
 *   otherwise only selects the customer in the list (the pane never takes the
 *   keyboard away from the sheet).
 */
import type { Lang } from "../../engine/lang";
import type { ColumnMapping, MappingKind } from "../../engine/portfolio/mapping";
import type { BandKey } from "../../engine/portfolio/texts";
import type { ListColumnId, StepId } from "../i18n";
import type { ReviewOutcome, ReviewProgress } from "../services/review-runner";
import type { TableData, TableInfo, TableSource } from "../../excel/port";

/** A table chosen for the review, with its column mapping. */
export interface Picked {
  kind: MappingKind;
  source: TableSource;
  /** The rows of a selection, read when it was picked (a table is read when the review runs). */
  data: TableData | null;
  /** Its name in the picker, worded in the pane's current language (a language switch rewords it). */
  label: (lang: Lang) => string;
  /** Id under which the mapping is stored (table name, or the selection's address). */
  settingId: string;
  mapping: ColumnMapping;
  note: "restored" | "outdated" | null;
}

/**
 * A message above the steps. Its text is worded when shown, in the pane's current language, so switching the
 * language rewords a notice that is already on screen instead of leaving it in the old language.
 */
export type Notice = { intent: "error" | "warning" | "info" | "success"; text: (lang: Lang) => string };

export interface Busy {
  /** What runs before the first progress report (e.g. "Reading the selection…"). */
  label: string;
  progress: ReviewProgress | null;
  /** The progress panel shows only for work that lasts (the pane's progress delay). */
  visible: boolean;
  /** Whether a ledger is read too (for the overall percentage). */
  withLedger: boolean;
}

export type BandFilter = "all" | BandKey;
export type ListSort = { column: ListColumnId; dir: 1 | -1 } | null;

/** The customer list's view, kept while the user visits other steps. */
export interface ListPrefs {
  text: string;
  band: BandFilter;
  sort: ListSort;
  /** Columns shown besides the customer; null = chosen for the width. */
  columns: ListColumnId[] | null;
}

export interface FlowState {
  tables: TableInfo[] | null;
  customers: Picked | null;
  ledger: Picked | null;
  asOfIso: string;
  busy: Busy | null;
  notice: Notice | null;
  outcome: ReviewOutcome | null;
  step: StepId;
  /** The customer (data row) selected in the list or the sheet. */
  selectedRow: number | null;
  explainOpen: boolean;
  list: ListPrefs;
}

export type FlowAction =
  | { type: "tables"; tables: TableInfo[] | null }
  | { type: "picked"; picked: Picked }
  | { type: "noLedger" }
  | { type: "mapping"; kind: MappingKind; mapping: ColumnMapping }
  | { type: "asOf"; iso: string }
  | { type: "busy"; label: string; visible: boolean; withLedger: boolean }
  | { type: "busyVisible" }
  | { type: "progress"; progress: ReviewProgress }
  | { type: "idle" }
  | { type: "notice"; notice: Notice | null }
  | { type: "reviewed"; outcome: ReviewOutcome; notice: Notice }
  | { type: "step"; step: StepId }
  | { type: "explain"; row: number }
  | { type: "sheetRow"; row: number }
  | { type: "closeExplain" }
  | { type: "list"; prefs: Partial<ListPrefs> };

/**
 * The steps as data: which need a finished review. A new step (e.g. a
 * "Calibrate" step) is one entry here, one in `STEPS` and its names in i18n,
 * and one panel in ReviewPane's `panels`.
 */
export const STEP_NEEDS_REVIEW: Record<StepId, boolean> = { data: false, overview: true, customers: true, monitor: true, write: true };

/** Whether `step` can be shown in state `s` (steps that need a review wait for one). */
export function stepAvailable(s: Pick<FlowState, "outcome">, step: StepId): boolean {
  return !STEP_NEEDS_REVIEW[step] || s.outcome !== null;
}

export const INITIAL_LIST: ListPrefs = { text: "", band: "all", sort: null, columns: null };

export function initialFlow(asOfIso: string): FlowState {
  return {
    tables: null,
    customers: null,
    ledger: null,
    asOfIso,
    busy: null,
    notice: null,
    outcome: null,
    step: "data",
    selectedRow: null,
    explainOpen: false,
    list: INITIAL_LIST,
  };
}

const STALE = { outcome: null, selectedRow: null, explainOpen: false, step: "data" as StepId, list: INITIAL_LIST };

export function flowReducer(s: FlowState, a: FlowAction): FlowState {
  switch (a.type) {
    case "tables":
      return { ...s, tables: a.tables };
    case "picked":
      return a.picked.kind === "customers" ? { ...s, customers: a.picked, ...STALE } : { ...s, ledger: a.picked };
    case "noLedger":
      return { ...s, ledger: null };
    case "mapping": {
      const p = a.kind === "customers" ? s.customers : s.ledger;
      if (!p) return s;
      const next = { ...p, mapping: a.mapping, note: null };
      return a.kind === "customers" ? { ...s, customers: next } : { ...s, ledger: next };
    }
    case "asOf":
      return { ...s, asOfIso: a.iso };
    case "busy":
      return { ...s, busy: { label: a.label, progress: null, visible: a.visible, withLedger: a.withLedger } };
    case "busyVisible":
      return s.busy ? { ...s, busy: { ...s.busy, visible: true } } : s;
    case "progress":
      return s.busy ? { ...s, busy: { ...s.busy, progress: a.progress } } : s;
    case "idle":
      return { ...s, busy: null };
    case "notice":
      return { ...s, notice: a.notice };
    case "reviewed":
      return {
        ...s,
        outcome: a.outcome,
        notice: a.notice,
        selectedRow: null,
        explainOpen: false,
        step: "overview",
        list: { ...INITIAL_LIST, columns: s.list.columns },
      };
    case "step":
      return stepAvailable(s, a.step) ? { ...s, step: a.step } : s;
    case "explain":
      return s.outcome ? { ...s, selectedRow: a.row, explainOpen: true } : s;
    case "sheetRow":
      return s.outcome ? { ...s, selectedRow: a.row } : s;
    case "closeExplain":
      return { ...s, explainOpen: false };
    case "list":
      return { ...s, list: { ...s.list, ...a.prefs } };
  }
}

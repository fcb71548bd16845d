/**
 * Task-pane texts in English and Simplified Chinese. Every key exists in both
 * languages (the `Strings` type enforces it). Formula names stay in English:
 * users type them as is.
 */
import type { PointBasis } from "../engine/scoring/contribution";
import type { Lang } from "../engine/lang";
import type { FieldKey } from "../engine/scoring/headers";
import { LABELS, SHEET_COLUMNS } from "../engine/labels";
import type { IoErrorCode } from "../excel/errors";

/** Product name; the same in every language. */
export const APP_NAME = "CreditSentinel";

/** The RISK formulas the pane introduces, in display order. */
export const FORMULAS = [
  "CREDITSCORE",
  "CREDITLIMIT",
  "DSO",
  "DUNNINGSTAGE",
  "PAYBEHAVIOR",
  "AGING",
  "DSOINVOICES",
  "CEI",
  "EXPECTEDLOSS",
] as const;
export type FormulaId = (typeof FORMULAS)[number];

export interface Strings {
  /** Local name shown under the product name. */
  localName: string;
  version: (v: string) => string;
  tagline: string;
  description: string;
  formulasHeading: string;
  formulas: Record<FormulaId, string>;
  reference: string;
  /** Announced after the link text (screen readers only): it leaves the pane. Includes its leading separator. */
  opensInNewWindow: string;
  language: string;
  status: Record<"pending" | "ready" | "outside" | "timeout" | "unavailable", string>;
  /** The portfolio review (issue 5). */
  review: ReviewStrings;
  /** Calibrating the scorecard to the user's portfolio, the stored model and monitoring (issue 11). */
  calibrate: CalibrateStrings;
}

/** Texts of src/taskpane/calibrate/*. */
export interface CalibrateStrings {
  heading: string;
  open: string;
  close: string;
  /** The model in use. */
  shippedInUse: (version: string) => string;
  storedInUse: (version: string) => string;
  storedDetail: (acceptedOn: string) => string;
  revertedNote: (version: string) => string;
  revert: string;
  reuse: string;
  reverted: string;
  reused: string;
  brokenTitle: string;
  historyTable: string;
  pickTable: string;
  noTables: string;
  outcomeColumn: string;
  pickOutcome: string;
  outcomeHint: string;
  stage: string;
  stages: Record<"auto" | "levels" | "weights" | "full", string>;
  expectedRate: string;
  expectedRateHint: string;
  badRate: string;
  run: string;
  reading: string;
  fitting: string;
  step: (done: string) => string;
  cancel: string;
  cancelled: string;
  readFailed: (reason: string) => string;
  historyRows: (rows: string) => string;
  historyDefaults: (defaults: string) => string;
  reportHeading: (stage: string) => string;
  cvHeading: (folds: string) => string;
  metric: string;
  fitted: string;
  shipped: string;
  auc: string;
  ks: string;
  capture: string;
  falseAlarm: string;
  notMeasurable: string;
  weightsHeading: string;
  weightsNone: string;
  pointsHeading: string;
  pointsCaption: (factor: string) => string;
  notReported: string;
  bandsHeading: string;
  band: string;
  cutoff: string;
  rows: string;
  defaults: string;
  rate: string;
  pd: string;
  accept: string;
  discard: string;
  notBetter: string;
  accepted: (version: string) => string;
  discarded: string;
  saveFailed: (reason: string) => string;
  monitorHeading: string;
  psi: (value: string) => string;
  psiRows: (rows: string) => string;
  psiStable: string;
  psiShift: string;
  psiDrift: string;
  psiNone: string;
  /** The outcome from a column or derived from the invoice ledger. */
  outcomeSource: string;
  outcomeFromColumn: string;
  outcomeFromLedger: string;
  ledgerTable: string;
  pickLedger: string;
  ledgerHint: (days: string, months: string) => string;
  outcomeAsOf: string;
  outcomeAsOfHint: string;
  dataDate: string;
  dataDateHint: string;
  badDate: string;
  deriveLabels: string;
  readingLedger: string;
  ledgerBadRows: (count: string) => string;
}

/** Columns the pane can write next to the customer table. */
export const WRITE_COLUMNS = SHEET_COLUMNS;
export type WriteColumnId = (typeof WRITE_COLUMNS)[number];

/** The steps of the review, as tabs at the top of the pane. */
export const STEPS = ["data", "overview", "customers", "monitor", "write"] as const;
export type StepId = (typeof STEPS)[number];

/** English plural: "1 invoice", "2 invoices" (the count as formatted; Chinese has no plural). */
function pl(count: string, one: string, other: string): string {
  return count === "1" ? one : other;
}

/** Sortable columns of the customer list. */
export const LIST_COLUMNS = ["customer", "score", "band", "exposure", "limit", "headroom", "stage"] as const;
export type ListColumnId = (typeof LIST_COLUMNS)[number];

/**
 * Texts of the portfolio review. Functions take already formatted values
 * (numbers are formatted by the caller in the UI language); the first
 * argument always appears in the text.
 */
export interface ReviewStrings {
  heading: string;
  intro: string;
  needsExcel: string;
  data: {
    heading: string;
    customerTable: string;
    ledgerTable: string;
    chooseTable: string;
    none: string;
    useSelection: string;
    readingSelection: string;
    refresh: string;
    loadingTables: string;
    noTables: string;
    tableOption: (name: string, rows: string) => string;
    selectionLabel: (address: string, rows: string) => string;
    asOf: string;
    asOfHint: string;
    asOfInvalid: string;
  };
  mapping: {
    customersHeading: string;
    ledgerHeading: string;
    column: string;
    meaning: string;
    ignore: string;
    notRecognised: string;
    summary: (recognised: string, total: string) => string;
    restored: string;
    outdated: string;
    fieldsGroup: string;
    ledgerGroup: string;
    fieldLabels: Record<FieldKey, string>;
    mappingFor: (header: string) => string;
    emptyHeader: (column: string) => string;
    show: string;
    hide: string;
  };
  run: {
    button: string;
    again: string;
    cancel: string;
    phases: Record<"reading" | "readingLedger" | "preparing" | "scoring" | "summarising", string>;
    progress: (done: string, total: string) => string;
    cancelled: string;
    blocked: string;
    nothingWritten: string;
    done: (customers: string, seconds: string) => string;
    languageChanged: string;
    /** Overall progress next to the phase name, e.g. "63%". */
    percent: (pct: string) => string;
  };
  io: Record<IoErrorCode, string>;
  ioTable: Record<"customers" | "ledger", string>;
  problems: {
    heading: string;
    rowErrors: (count: string) => string;
    duplicates: (count: string) => string;
    duplicateItem: (id: string, rows: string) => string;
    unmatched: (count: string, open: string) => string;
    unmatchedItem: (id: string, invoices: string, open: string) => string;
    ledgerBadRows: (count: string) => string;
    /** Title over the engine's messages of ratio columns holding percent numbers. */
    percentColumns: (count: string) => string;
    more: (count: string) => string;
    /** Visible text of the "Go to" button of a problem's cell ("F8"). */
    goToCell: (cell: string) => string;
    /** Visible text of the "Go to" button of a problem's row. */
    goToRow: (row: string) => string;
    /** Accessible name of a "Go to" button: its visible text and the sheet. */
    goToOnSheet: (label: string, sheet: string) => string;
    /** A "Go to" that could not select its cell (the sheet was renamed or deleted). */
    goToFailed: (address: string, why: string) => string;
    /** In the overview: how many kinds of data problems the review found, and where they are listed. */
    found: (count: string) => string;
    show: string;
  };
  dash: {
    heading: string;
    customers: string;
    scored: (scored: string, total: string) => string;
    totalExposure: string;
    expectedLoss: string;
    shareDE: string;
    dso: string;
    dsoValue: (days: string) => string;
    byBand: string;
    count: string;
    exposure: string;
    bandChartLabel: (summary: string) => string;
    breaches: string;
    breachesIntro: (count: string, excess: string) => string;
    breachesNone: string;
    breachColumns: Record<"customer" | "exposure" | "limit" | "excess", string>;
    breachMore: (count: string) => string;
    aging: string;
    agingIntro: (overdue: string, open: string) => string;
    agingChartLabel: (summary: string) => string;
    heatMap: string;
    heatMapIntro: string;
    heatMapTable: (title: string) => string;
    band: string;
    rowNumber: (row: string) => string;
    /** What the total exposure adds up: the table's exposure cells and, where one is blank, the ledger's open amount. */
    exposureFrom: (table: string, tableCustomers: string, ledger: string, ledgerCustomers: string) => string;
    breachCount: (count: string) => string;
    /** Under the number of breaches: the exposure above the recommended limits. */
    excessNote: (amount: string) => string;
    /** Under the expected loss: what it adds up. */
    expectedLossNote: (lgd: string) => string;
  };
  /** The Monitor step: receivables from the ledger and the scoring model in use. */
  monitor: {
    heading: string;
    receivables: string;
    /** What the aging adds up, and why it differs from the total exposure. */
    openFrom: (open: string, customers: string, asOf: string) => string;
    differs: string;
    model: string;
    modelVersion: string;
    policyVersion: string;
    asOf: string;
    scored: string;
  };
  steps: {
    /** Accessible name of the tab list. */
    label: string;
    names: Record<StepId, string>;
    /** Under the tabs before the first review. */
    needsReview: string;
  };
  list: {
    heading: string;
    filter: string;
    filterPlaceholder: string;
    bandFilter: string;
    allBands: string;
    columns: Record<ListColumnId, string>;
    shown: (shown: string, total: string) => string;
    sortBy: (column: string) => string;
    empty: string;
    gridLabel: string;
    keyboardHint: string;
    columnsButton: string;
    columnsMenu: string;
  };
  explain: {
    heading: (customer: string) => string;
    hint: string;
    close: string;
    notScored: (message: string) => string;
    score: string;
    band: string;
    pd: string;
    coverage: string;
    waterfall: string;
    waterfallLabel: (base: string, score: string) => string;
    factor: string;
    value: string;
    points: string;
    total: string;
    missing: (count: string) => string;
    derived: string;
    reasons: string;
    noReasons: string;
    limit: string;
    boundBy: (rule: string) => string;
    exposure: string;
    headroom: string;
    lift: (band: string) => string;
    /** The combined plan when no single change is enough, e.g. "Together: A from x to y; B from u to v (+13 pts → band C)". */
    liftTogether: (plan: string) => string;
    selectInSheet: string;
    /** What a factor's points are measured against (one label per basis). */
    basis: Record<PointBasis, string>;
  };
  write: {
    heading: string;
    intro: string;
    columns: string;
    columnLabels: Record<WriteColumnId, string>;
    mode: string;
    formulas: string;
    values: string;
    formulasNote: string;
    formulasLedger: string;
    /** Why the workbench writes values when the review used the calibrated model kept on the page. */
    formulasModel: string;
    report: string;
    button: string;
    checking: string;
    confirmTitle: string;
    confirmBody: (columns: string, rows: string, target: string) => string;
    confirmReport: (sheet: string) => string;
    overwriteTitle: string;
    overwriteBody: (count: string, where: string) => string;
    overwriteAsk: string;
    write: string;
    overwrite: string;
    cancel: string;
    preparing: string;
    writing: string;
    writingReport: string;
    done: (target: string) => string;
    reportDone: (sheet: string) => string;
    cancelled: string;
    failed: (message: string) => string;
    noColumns: string;
    languageNote: (language: string) => string;
    headers: Record<WriteColumnId, string>;
    /** Of the foreign cells, those CreditSentinel wrote and the user changed since. */
    editedBody: (count: string, where: string) => string;
    /** Earlier results with rows or cells inserted or deleted inside them. */
    resizedBody: (where: string) => string;
    leftoverClear: (count: string) => string;
    leftoverKeep: (count: string, where: string) => string;
    /** Back at the confirmation after the write found changed cells. */
    changedSince: (count: string, where: string) => string;
    reportRenamed: (sheet: string, was: string) => string;
    reportEdited: (sheet: string, count: string, where: string) => string;
    reportCharts: (sheet: string) => string;
    reportUnverifiable: (sheet: string) => string;
    reportChoice: string;
    reportKeep: (name: string) => string;
    reportReplace: (sheet: string) => string;
    reportChangedSince: (sheet: string) => string;
    reportKept: (sheet: string) => string;
    leftoverCleared: (count: string) => string;
    leftoverKept: (count: string, where: string) => string;
    undoNote: string;
    restore: string;
    restoreHint: (where: string) => string;
    restoring: string;
    restored: (where: string) => string;
    restoreRefused: (count: string, where: string) => string;
    restoreFailed: (message: string) => string;
  };
  report: {
    title: string;
    asOf: string;
    modelVersion: string;
    policyVersion: string;
    summary: string;
    item: string;
    value: string;
    customers: string;
    scored: string;
    notScored: string;
    totalExposure: string;
    expectedLoss: string;
    shareDE: string;
    recommendedLimits: string;
    breaches: string;
    breachExcess: string;
    dso: string;
    byBand: string;
    recommendedLimit: string;
    aging: string;
    bucket: string;
    openAmount: string;
    heatMap: string;
    breachList: string;
    id: string;
    name: string;
  };
}

export const strings: Record<Lang, Strings> = {
  en: {
    localName: "Trade-credit risk for Excel",
    version: (v) => `Version ${v}`,
    tagline: "Credit scores, limits, DSO and dunning stages as Excel formulas.",
    description:
      "Type =RISK. in any cell to use the formulas below. Everything is calculated inside your workbook: no customer data leaves Excel.",
    formulasHeading: "Formulas",
    formulas: {
      CREDITSCORE: "Score 0–100, band A–E, probability of default and the main reasons",
      CREDITLIMIT: "Recommended credit limit from score, net worth and sales",
      DSO: "Days sales outstanding: standard, countback, average, best possible, or average days delinquent",
      DUNNINGSTAGE: "Collection stage of an invoice on a given date, on the default or your own ladder",
      PAYBEHAVIOR: "Payment behaviour per customer from an invoice ledger, ready to feed RISK.CREDITSCORE",
      AGING: "Aging bucket of each open invoice, or the open amount per bucket",
      DSOINVOICES: "DSO straight from an invoice ledger, in total or per customer",
      CEI: "Collection effectiveness index: how much of what was collectable was collected",
      EXPECTEDLOSS: "Expected loss after credit insurance: PD × LGD × uninsured exposure",
    },
    reference: "Function reference",
    opensInNewWindow: " (opens in a new window)",
    language: "Language",
    status: {
      pending: "Connecting to Excel…",
      ready: "Connected to Excel.",
      outside: "Not running inside Excel: this is a preview. Load the add-in in Excel to use the formulas.",
      timeout: "Excel has not answered yet. The formulas work once the add-in is loaded in Excel.",
      unavailable: "Office could not be loaded (offline?). The pane works, but the formulas need Excel.",
    },
    review: {
      heading: "Portfolio review",
      intro:
        "Score a whole customer table, see where the risk and the money are, explain any customer and write the results next to the table.",
      needsExcel: "Open the add-in in Excel to review a table of your workbook.",
      data: {
        heading: "Data",
        customerTable: "Customer table",
        ledgerTable: "Invoice ledger (optional)",
        chooseTable: "Choose a table",
        none: "None",
        useSelection: "Use current selection",
        readingSelection: "Reading the selection…",
        refresh: "Refresh tables",
        loadingTables: "Loading the workbook's tables…",
        noTables:
          "This workbook has no Excel tables: select a cell inside your customer data (with a header row) and use the current selection.",
        tableOption: (name, rows) => `${name} (${rows} ${pl(rows, "row", "rows")})`,
        selectionLabel: (address, rows) => `Selection ${address} (${rows} ${pl(rows, "row", "rows")})`,
        asOf: "As-of date",
        asOfHint: "Days late, aging and dunning stages are measured at this date.",
        asOfInvalid: "Enter a valid date.",
      },
      mapping: {
        customersHeading: "Customer table columns",
        ledgerHeading: "Invoice ledger columns",
        column: "Column",
        meaning: "Used as",
        ignore: "Ignore",
        notRecognised: "Not recognised (ignored)",
        summary: (recognised, total) => `${recognised} of ${total} columns recognised`,
        restored: "The column mapping saved in this workbook was restored.",
        outdated: "The table's columns changed since the mapping was saved, so they were matched again.",
        fieldsGroup: "Customer details",
        ledgerGroup: "Invoice fields",
        fieldLabels: {
          customer_id: "Customer ID",
          customer_name: "Customer name",
          exposure: "Exposure (open receivables)",
          credit_limit: "Current credit limit",
          requested_limit: "Requested limit",
          terms_days: "Payment terms (days)",
        },
        mappingFor: (header) => `Use of column “${header}”`,
        emptyHeader: (column) => `(column ${column}, no header)`,
        show: "Show columns",
        hide: "Hide columns",
      },
      run: {
        button: "Review portfolio",
        again: "Review again",
        cancel: "Cancel",
        phases: {
          reading: "Reading customer rows…",
          readingLedger: "Reading invoices…",
          preparing: "Joining invoices to customers…",
          scoring: "Scoring customers…",
          summarising: "Summarising…",
        },
        progress: (done, total) => `${done} of ${total} rows`,
        cancelled: "Review cancelled. Nothing was written.",
        blocked: "Fix the column problems above to run the review.",
        nothingWritten: "A review only reads: nothing is written until you choose to write the results.",
        done: (customers, seconds) => `Reviewed ${customers} ${pl(customers, "customer", "customers")} in ${seconds} s.`,
        languageChanged:
          "Texts from the review (reasons, messages) stay in the language of the review. Review again to get them in the new language.",
        percent: (pct) => pct,
      },
      io: {
        "empty selection": "The selection is empty. Select a cell inside your customer data (with a header row), or pick a table.",
        "no header row": "The first row has no column labels. The data needs a header row naming each column.",
        "no data rows": "Only a header row was found: there are no rows under it.",
        "table not found": "The table no longer exists. Refresh the list of tables.",
        "sheet not found": "The worksheet was renamed or deleted. Review again.",
        "payload too large": "A single row is larger than Excel accepts in one request (5 MB).",
        cancelled: "Cancelled.",
        "overwrite not confirmed": "Cells of yours would be overwritten and you did not confirm: nothing was written.",
        "target changed": "Cells in the target changed since the check: nothing was written.",
        "table changed":
          "The table changed since it was reviewed (rows inserted, deleted or moved, or its first column edited): nothing was written. Review again.",
        "report changed": "The report sheet was renamed or changed since the check: nothing was written to it.",
        "nothing to restore": "There is no write to restore.",
        "restore refused": "Cells CreditSentinel wrote were changed since: nothing was restored.",
      },
      ioTable: { customers: "Customer table", ledger: "Invoice ledger" },
      problems: {
        heading: "Data problems",
        rowErrors: (count) =>
          `Rows not scored: ${count}. Numeric columns hold text or out-of-range values; correct these cells (the other rows are reviewed). First rows:`,
        duplicates: (count) => `Customer IDs found in more than one row: ${count}. The invoice ledger is joined to the first row of each:`,
        duplicateItem: (id, rows) => `${id}: rows ${rows}`,
        unmatched: (count, open) => `Invoice-ledger customer IDs that match no customer in the table: ${count} (open amount ${open}):`,
        unmatchedItem: (id, invoices, open) => `${id}: ${invoices} ${pl(invoices, "invoice", "invoices")}, open ${open}`,
        ledgerBadRows: (count) => `Invoice rows that could not be read and were left out: ${count}. First rows:`,
        percentColumns: (count) =>
          `Ratio columns that look like percentages: ${count}. Scores that use them are wrong until the columns hold decimals:`,
        more: (count) => `and ${count} more`,
        goToCell: (cell) => `Go to ${cell}`,
        goToRow: (row) => `Go to row ${row}`,
        goToOnSheet: (label, sheet) => `${label} on sheet ${sheet}`,
        goToFailed: (address, why) => `Could not go to ${address}: ${why}`,
        found: (count) => `Data problems found: ${count}. They are listed under Data.`,
        show: "Show data problems",
      },
      dash: {
        heading: "Key figures",
        customers: "Customers",
        scored: (scored, total) => `${scored} of ${total} scored`,
        totalExposure: "Total exposure",
        expectedLoss: "Expected loss",
        shareDE: "Exposure in bands D–E",
        dso: "Portfolio DSO",
        dsoValue: (days) => `${days} days`,
        byBand: "Customers and exposure by band",
        count: "Customers",
        exposure: "Exposure",
        bandChartLabel: (summary) => `Customers and exposure by band: ${summary}`,
        breaches: "Limit breaches",
        breachesIntro: (count, excess) => `Customers above their recommended limit: ${count}, with ${excess} in excess.`,
        breachesNone: "No customer's exposure exceeds its recommended limit.",
        breachColumns: { customer: "Customer", exposure: "Exposure", limit: "Limit", excess: "Excess" },
        breachMore: (count) => `and ${count} more (see the customer list, sorted by headroom)`,
        aging: "Open receivables by aging bucket",
        agingIntro: (overdue, open) => `${overdue} overdue of ${open} open.`,
        agingChartLabel: (summary) => `Open receivables by aging bucket: ${summary}`,
        heatMap: "Exposure by band and aging",
        heatMapIntro: "Each customer's exposure is split over the aging buckets of its open invoices.",
        heatMapTable: (title) => `${title} (table)`,
        band: "Band",
        rowNumber: (row) => `row ${row}`,
        exposureFrom: (table, tableCustomers, ledger, ledgerCustomers) =>
          ledgerCustomers === "0"
            ? `The table's exposure cells of ${tableCustomers} ${pl(tableCustomers, "customer", "customers")}.`
            : tableCustomers === "0"
              ? `The ledger's open invoices of ${ledgerCustomers} ${pl(ledgerCustomers, "customer", "customers")} (the table has no exposure figures).`
              : `Exposure cells ${table} (${tableCustomers} ${pl(tableCustomers, "customer", "customers")}) + the ledger's open invoices where the cell is blank ${ledger} (${ledgerCustomers}).`,
        breachCount: (count) => `${count} ${pl(count, "customer", "customers")}`,
        excessNote: (amount) => `${amount} above the limits`,
        expectedLossNote: (lgd) => `Σ exposure × PD × LGD ${lgd}`,
      },
      monitor: {
        heading: "Monitor",
        receivables: "Receivables",
        openFrom: (open, customers, asOf) =>
          `Open invoices of the ${customers} ledger ${pl(customers, "customer", "customers")} found in the table, on ${asOf}: ${open}.`,
        differs:
          "The total exposure on the overview adds up the table's exposure column instead (the ledger only where a cell is blank), so the two totals differ when the table's figures are from another date or include more than open invoices.",
        model: "Scoring model",
        modelVersion: "Model version",
        policyVersion: "Credit policy",
        asOf: "As-of date",
        scored: "Customers scored",
      },
      steps: {
        label: "Review steps",
        names: { data: "Data", overview: "Overview", customers: "Customers", monitor: "Monitor", write: "Write" },
        needsReview: "Pick the customer table and review it: the other steps fill in then.",
      },
      list: {
        heading: "Customers",
        filter: "Filter",
        filterPlaceholder: "ID or name",
        bandFilter: "Band",
        allBands: "All bands",
        columns: {
          customer: "Customer",
          score: "Score",
          band: "Band",
          exposure: "Exposure",
          limit: "Limit",
          headroom: "Headroom",
          stage: "Stage",
        },
        shown: (shown, total) => `${shown} of ${total} customers.`,
        sortBy: (column) => `Sort by ${column}`,
        empty: "No customer matches the filter.",
        gridLabel: "Customer list",
        keyboardHint: "Arrow keys move, Enter explains the customer.",
        columnsButton: "Columns",
        columnsMenu: "Columns shown",
      },
      explain: {
        heading: (customer) => `Why ${customer}?`,
        hint: "Select a customer in the list, or its row in the sheet, to see what drives its score.",
        close: "Close",
        notScored: (message) => `Not scored: ${message}`,
        score: "Score",
        band: "Band",
        pd: "PD (12 months)",
        coverage: "Data coverage",
        waterfall: "Points by factor",
        waterfallLabel: (base, score) => `Points waterfall from the neutral score ${base} to the score ${score}`,
        factor: "Factor",
        value: "Value",
        points: "Points",
        total: "Score",
        missing: (count) => `Factors not given (scored as an average firm): ${count}.`,
        derived: "derived",
        reasons: "Main reasons",
        noReasons: "No factor costs a notable number of points.",
        limit: "Recommended limit",
        boundBy: (rule) => `Set by: ${rule}`,
        exposure: "Exposure",
        headroom: "Headroom",
        lift: (band) => `To reach band ${band}`,
        liftTogether: (plan) => `Together: ${plan}`,
        selectInSheet: "Show in sheet",
        basis: { neutral: "Points against an average firm (the neutral score)" },
      },
      write: {
        heading: "Write results to the workbook",
        intro: "The columns go right of the table, one row per customer. Cells of yours are never overwritten without asking.",
        columns: "Columns",
        columnLabels: LABELS.en.options,
        mode: "Write as",
        formulas: "Live RISK formulas",
        values: "Static values (for sharing without the add-in)",
        formulasNote:
          "Formulas recalculate when the table changes. Headroom without an exposure column and the dunning stage come from the ledger and are written as values.",
        formulasLedger:
          "The review used payment behaviour from the invoice ledger, which a row formula cannot see: the results are written as values.",
        formulasModel:
          "The review used the calibrated model accepted on this page, which the downloaded file does not carry: RISK formulas in it would compute with the shipped model, so the results are written as values.",
        report: "(Re)generate the “Risk report” sheet with summary tables and charts",
        button: "Write to workbook…",
        checking: "Checking the target cells…",
        confirmTitle: "Write the results?",
        confirmBody: (columns, rows, target) =>
          `${columns} ${pl(columns, "column", "columns")} for ${rows} ${pl(rows, "customer", "customers")} will be written to ${target}.`,
        confirmReport: (sheet) => `The “${sheet}” sheet will be (re)generated.`,
        overwriteTitle: "Overwrite your cells?",
        overwriteBody: (count, where) => `Non-empty cells that CreditSentinel did not write would be overwritten: ${count}, e.g. ${where}.`,
        overwriteAsk: "Overwrite them, or cancel and move your data first?",
        write: "Write",
        overwrite: "Overwrite and write",
        cancel: "Cancel",
        preparing: "Preparing the columns…",
        writing: "Writing columns…",
        writingReport: "Writing the report sheet…",
        done: (target) => `Written to ${target}.`,
        reportDone: (sheet) => `The “${sheet}” sheet was (re)generated.`,
        cancelled: "Nothing was written.",
        failed: (message) => `Writing failed: ${message}`,
        noColumns: "Choose at least one column, or the report sheet.",
        languageNote: (language) => `Texts are written in ${language}, the language of the review.`,
        headers: LABELS.en.sheet,
        editedBody: (count, where) =>
          `Of these, ${count} ${pl(count, "was", "were")} written by CreditSentinel and changed since, e.g. ${where}: ${pl(count, "it is", "they are")} yours now.`,
        resizedBody: (where) => `Rows or cells were inserted or deleted inside earlier results at ${where}: those cells count as yours.`,
        leftoverClear: (count) =>
          `${count} ${pl(count, "cell", "cells")} of earlier results beside rows no longer in the table will be cleared.`,
        leftoverKeep: (count, where) =>
          `${count} ${pl(count, "cell", "cells")} of earlier results outside the new block ${pl(count, "was", "were")} changed since and will be left as they are, e.g. ${where}.`,
        changedSince: (count, where) =>
          `Since the check, ${count} ${pl(count, "cell", "cells")} of the target changed, e.g. ${where}. Nothing was written. Check ${pl(count, "it", "them")}, then confirm again.`,
        reportRenamed: (sheet, was) => `The report sheet “${was}” was renamed “${sheet}”.`,
        reportEdited: (sheet, count, where) =>
          `The report sheet “${sheet}” was changed since CreditSentinel wrote it: ${count} ${pl(count, "cell", "cells")}, e.g. ${where}.`,
        reportCharts: (sheet) => `Charts on the report sheet “${sheet}” were added or deleted since CreditSentinel wrote it.`,
        reportUnverifiable: (sheet) =>
          `CreditSentinel cannot tell whether the report sheet “${sheet}” was changed (an earlier version wrote it).`,
        reportChoice: "What to do with that sheet",
        reportKeep: (name) => `Keep it as it is and write the report to a new sheet “${name}”`,
        reportReplace: (sheet) => `Replace the contents of “${sheet}” (you can restore them afterwards)`,
        reportChangedSince: (sheet) =>
          `The report sheet “${sheet}” changed since the check. Nothing was written to it. Check it, then confirm again.`,
        reportKept: (sheet) => `Your sheet “${sheet}” was left as it is.`,
        leftoverCleared: (count) =>
          `${count} ${pl(count, "cell", "cells")} of earlier results beside rows no longer in the table ${pl(count, "was", "were")} cleared.`,
        leftoverKept: (count, where) =>
          `${count} ${pl(count, "cell", "cells")} of earlier results ${pl(count, "was", "were")} left because ${pl(count, "it", "they")} changed since CreditSentinel wrote ${pl(count, "it", "them")}, e.g. ${where}.`,
        undoNote: "Whatever is overwritten is kept in the workbook: “Restore previous values” puts it back.",
        restore: "Restore previous values",
        restoreHint: (where) => `Last write: ${where}.`,
        restoring: "Restoring previous values…",
        restored: (where) => `Previous values restored in ${where}.`,
        restoreRefused: (count, where) =>
          `Not restored: ${count} ${pl(count, "cell", "cells")} changed since CreditSentinel wrote ${pl(count, "it", "them")}, e.g. ${where}. Nothing was changed.`,
        restoreFailed: (message) => `Restoring failed: ${message}`,
      },
      report: {
        title: "CreditSentinel portfolio risk report",
        asOf: "As of",
        modelVersion: "Model version",
        policyVersion: "Policy version",
        summary: "Summary",
        item: "Item",
        value: "Value",
        customers: "Customers",
        scored: "Scored",
        notScored: "Not scored",
        totalExposure: "Total exposure",
        expectedLoss: "Expected loss",
        shareDE: "Exposure share in bands D–E",
        recommendedLimits: "Sum of recommended limits",
        breaches: "Customers above recommended limit",
        breachExcess: "Exposure above recommended limits",
        dso: "Portfolio DSO (days)",
        byBand: "By band",
        recommendedLimit: "Recommended limit",
        aging: "Open receivables by aging bucket",
        bucket: "Bucket",
        openAmount: "Open amount",
        heatMap: "Exposure by band and aging bucket",
        breachList: "Largest limit breaches",
        id: "Customer ID",
        name: "Customer name",
      },
    },
    calibrate: {
      heading: "Model in use and calibration",
      open: "Calibrate to my portfolio",
      close: "Close calibration",
      shippedInUse: (v) => `In use: the shipped model ${v}.`,
      storedInUse: (v) =>
        `In use: the model calibrated to this workbook's portfolio, ${v}. The review, Explain, write-back and the RISK formulas in this workbook use it.`,
      storedDetail: (d) => `Accepted on ${d}.`,
      revertedNote: (v) => `A calibrated model (${v}) is stored in this workbook but not in use.`,
      revert: "Revert to the shipped model",
      reuse: "Use the calibrated model again",
      reverted: "The shipped model is in use again; the calibrated model stays stored in the workbook.",
      reused: "The calibrated model is in use again.",
      brokenTitle: "Stored model not used",
      historyTable: "History table",
      pickTable: "Pick the table with past customers and their outcome",
      noTables: "No Excel table in this workbook: format the history as a table (Insert › Table).",
      outcomeColumn: "Outcome column",
      pickOutcome: "Pick the column that says whether the customer defaulted",
      outcomeHint: "Read as defaulted: yes, 1, true, defaulted, failed, 违约. Healthy: no, 0, false, alive, 正常. Other rows are left out.",
      stage: "What to fit",
      stages: {
        auto: "Automatic (the most the defaults allow)",
        levels: "Band cut-offs and PD levels (any history)",
        weights: "Factor weights (25 defaults or more)",
        full: "Full refit: bins and weights (100 defaults or more)",
      },
      expectedRate: "Expected 12-month default rate (for a history without defaults)",
      expectedRateHint: "A share or a percentage, e.g. 2 % or 0.02. Leave empty when the history has defaults.",
      badRate: "Enter the expected default rate as a share between 0 and 1 or a percentage, e.g. 2 %.",
      run: "Fit",
      reading: "Reading the history…",
      fitting: "Fitting and cross-validating…",
      step: (d) => `Step ${d}`,
      cancel: "Cancel",
      cancelled: "The fit was cancelled. Nothing was changed.",
      readFailed: (r) => `The history could not be read: ${r}`,
      historyRows: (r) => `History: ${r} customers`,
      historyDefaults: (d) => `, ${d} defaults.`,
      reportHeading: (st) => `Fit report: ${st}`,
      cvHeading: (f) => `${f}-fold cross-validation on the same rows`,
      metric: "Measure",
      fitted: "Fitted",
      shipped: "Shipped model",
      auc: "AUC (ranking)",
      ks: "KS",
      capture: "Defaults in bands D–E",
      falseAlarm: "Healthy in bands D–E",
      notMeasurable:
        "The history has no defaults: the ranking cannot be measured; the fit sets the PD level from the expected default rate.",
      weightsHeading: "Factor weights (1 = as shipped)",
      weightsNone: "This stage keeps the shipped weights.",
      pointsHeading: "Points per bin",
      pointsCaption: (f) => `${f}: points per bin, from the lowest values to the highest`,
      notReported: "not reported",
      bandsHeading: "Bands on the history",
      band: "Band",
      cutoff: "From score",
      rows: "Customers",
      defaults: "Defaults",
      rate: "Default rate",
      pd: "12-month PD",
      accept: "Accept and store in this workbook",
      discard: "Discard",
      notBetter:
        "Accept is not available: in cross-validation the fit did worse than the shipped model. Keep the shipped model, or add history.",
      accepted: (v) => `Model ${v} is stored in this workbook and in use.`,
      discarded: "The fit was discarded. The model in use is unchanged.",
      saveFailed: (r) => `The model could not be stored in the workbook: ${r}`,
      monitorHeading: "Model monitoring",
      psi: (v) => `Population stability index of the scores against the calibration sample: ${v}`,
      psiRows: (r) => `Compared over ${r} scored customers.`,
      psiStable: "Stable (below 0.1).",
      psiShift: "Some shift (0.1 to 0.25): keep an eye on it.",
      psiDrift:
        "The portfolio has drifted from the sample the model was calibrated on (above 0.25): its PDs and band cut-offs may no longer hold. Consider calibrating to your portfolio.",
      psiNone: "The model in use carries no score distribution of its calibration sample: no stability index.",
      outcomeSource: "Outcome",
      outcomeFromColumn: "A column of the history",
      outcomeFromLedger: "From the invoice ledger",
      ledgerTable: "Invoice ledger table",
      pickLedger: "Pick the ledger table",
      ledgerHint: (d, m) =>
        `Joined by customer ID. A customer defaulted when one of its invoices was ${d} or more days past due within ${m} months after the as-of date.`,
      outcomeAsOf: "As-of date of the history",
      outcomeAsOfHint: "The date the history's figures were observed.",
      dataDate: "Ledger known up to (optional)",
      dataDateHint: "The ledger's last day; blank: its latest invoice or paid date.",
      badDate: "Enter a date (yyyy-mm-dd).",
      deriveLabels: "Count the labels",
      readingLedger: "Reading the history and the ledger…",
      ledgerBadRows: (n) =>
        `${n} ledger ${pl(n, "row", "rows")} could not be read and ${pl(n, "was", "were")} left out; their customers are not labelled healthy.`,
    },
  },
  zh: {
    localName: "信用哨兵 · Excel 贸易信用风险工具",
    version: (v) => `版本 ${v}`,
    tagline: "以 Excel 公式计算信用评分、信用额度、应收账款周转天数和催收阶段。",
    description: "在任意单元格中输入 =RISK. 即可使用下列公式。所有计算都在工作簿内完成，客户数据不会离开 Excel。",
    formulasHeading: "公式",
    formulas: {
      CREDITSCORE: "0–100 信用评分、A–E 等级、违约概率及主要原因",
      CREDITLIMIT: "根据评分、净资产和销售额给出建议信用额度",
      DSO: "应收账款周转天数：标准法、倒推法、平均法、最佳可能 DSO 或平均逾期天数",
      DUNNINGSTAGE: "发票在指定日期所处的催收阶段（默认或自定义催收流程）",
      PAYBEHAVIOR: "根据发票台账计算每个客户的付款行为，可直接用于 RISK.CREDITSCORE",
      AGING: "每张未结发票的账龄区间，或各区间的未结金额",
      DSOINVOICES: "直接根据发票台账计算 DSO（整体或按客户）",
      CEI: "回款有效性指数（CEI）：可回收款项中实际回收的比例",
      EXPECTEDLOSS: "扣除信用保险后的预期损失：PD × LGD × 未投保敞口",
    },
    reference: "函数参考",
    opensInNewWindow: "（在新窗口中打开）",
    language: "语言",
    status: {
      pending: "正在连接 Excel…",
      ready: "已连接 Excel。",
      outside: "当前不在 Excel 中运行，仅为预览。请在 Excel 中加载本加载项以使用公式。",
      timeout: "Excel 尚未响应。在 Excel 中加载本加载项后即可使用公式。",
      unavailable: "无法加载 Office（可能处于离线状态）。窗格可以使用，但公式需要 Excel。",
    },
    review: {
      heading: "组合风险评估",
      intro: "对整张客户表评分，查看风险与资金分布，解释任一客户的评分，并将结果写回表格旁。",
      needsExcel: "请在 Excel 中打开本加载项，以评估工作簿中的表格。",
      data: {
        heading: "数据",
        customerTable: "客户表",
        ledgerTable: "发票台账（可选）",
        chooseTable: "选择表格",
        none: "无",
        useSelection: "使用当前选区",
        readingSelection: "正在读取选区…",
        refresh: "刷新表格列表",
        loadingTables: "正在读取工作簿中的表格…",
        noTables: "此工作簿中没有 Excel 表格：请选中客户数据（含表头行）中的任一单元格，然后使用当前选区。",
        tableOption: (name, rows) => `${name}（${rows} 行）`,
        selectionLabel: (address, rows) => `选区 ${address}（${rows} 行）`,
        asOf: "评估基准日",
        asOfHint: "逾期天数、账龄和催收阶段均按此日期计算。",
        asOfInvalid: "请输入有效日期。",
      },
      mapping: {
        customersHeading: "客户表的列",
        ledgerHeading: "发票台账的列",
        column: "列",
        meaning: "用作",
        ignore: "忽略",
        notRecognised: "未识别（忽略）",
        summary: (recognised, total) => `已识别 ${recognised} / ${total} 列`,
        restored: "已恢复此工作簿中保存的列映射。",
        outdated: "保存映射后表格的列已变化，已重新自动匹配。",
        fieldsGroup: "客户信息",
        ledgerGroup: "发票字段",
        fieldLabels: {
          customer_id: "客户编号",
          customer_name: "客户名称",
          exposure: "风险敞口（应收余额）",
          credit_limit: "现有信用额度",
          requested_limit: "申请额度",
          terms_days: "账期（天）",
        },
        mappingFor: (header) => `“${header}”列的用途`,
        emptyHeader: (column) => `（第 ${column} 列，无表头）`,
        show: "显示列映射",
        hide: "隐藏列映射",
      },
      run: {
        button: "评估组合",
        again: "重新评估",
        cancel: "取消",
        phases: {
          reading: "正在读取客户行…",
          readingLedger: "正在读取发票…",
          preparing: "正在将发票关联到客户…",
          scoring: "正在评分…",
          summarising: "正在汇总…",
        },
        progress: (done, total) => `${done} / ${total} 行`,
        cancelled: "评估已取消，未写入任何内容。",
        blocked: "请先解决上方的列映射问题，再进行评估。",
        nothingWritten: "评估只读取数据：在您选择写回结果之前，不会写入任何内容。",
        done: (customers, seconds) => `已评估 ${customers} 个客户，用时 ${seconds} 秒。`,
        languageChanged: "评估产生的文字（原因、提示）保持评估时的语言。重新评估即可切换为新语言。",
        percent: (pct) => pct,
      },
      io: {
        "empty selection": "选区为空。请选中客户数据（含表头行）中的任一单元格，或选择一个表格。",
        "no header row": "第一行没有列标题。数据需要一行表头来命名每一列。",
        "no data rows": "只找到表头行，下方没有数据行。",
        "table not found": "该表格已不存在，请刷新表格列表。",
        "sheet not found": "工作表已被重命名或删除，请重新评估。",
        "payload too large": "单行数据超过 Excel 单次请求的上限（5 MB）。",
        cancelled: "已取消。",
        "overwrite not confirmed": "将会覆盖您的单元格但未获确认：未写入任何内容。",
        "target changed": "自检查以来目标单元格已被修改：未写入任何内容。",
        "table changed": "自评估以来表格已变化（插入、删除或移动了行，或修改了第一列）：未写入任何内容。请重新评估。",
        "report changed": "自检查以来报告工作表已被重命名或修改：未写入该工作表。",
        "nothing to restore": "没有可恢复的写入。",
        "restore refused": "信用哨兵写入的单元格此后已被修改：未恢复任何内容。",
      },
      ioTable: { customers: "客户表", ledger: "发票台账" },
      problems: {
        heading: "数据问题",
        rowErrors: (count) => `${count} 行无法评分（数值列中有文本或超出范围的值）。请更正这些单元格；其余行照常评估。前几行：`,
        duplicates: (count) => `${count} 个客户编号出现在多行中。发票台账关联到其中第一行：`,
        duplicateItem: (id, rows) => `${id}：第 ${rows} 行`,
        unmatched: (count, open) => `发票台账中有 ${count} 个客户编号在客户表中找不到（未结金额 ${open}）：`,
        unmatchedItem: (id, invoices, open) => `${id}：${invoices} 张发票，未结 ${open}`,
        ledgerBadRows: (count) => `${count} 行发票无法读取，已跳过：`,
        percentColumns: (count) => `${count} 个比率列看起来是百分数；改为小数之前，用到这些列的评分都不正确：`,
        more: (count) => `另有 ${count} 项`,
        goToCell: (cell) => `转到 ${cell}`,
        goToRow: (row) => `转到第 ${row} 行`,
        goToOnSheet: (label, sheet) => `${label}（工作表 ${sheet}）`,
        goToFailed: (address, why) => `无法转到 ${address}：${why}`,
        found: (count) => `发现 ${count} 类数据问题，详见“数据”步骤。`,
        show: "查看数据问题",
      },
      dash: {
        heading: "关键指标",
        customers: "客户数",
        scored: (scored, total) => `已评分 ${scored} / ${total}`,
        totalExposure: "风险敞口合计",
        expectedLoss: "预期损失",
        shareDE: "D–E 级敞口占比",
        dso: "组合 DSO",
        dsoValue: (days) => `${days} 天`,
        byBand: "各等级客户数与敞口",
        count: "客户数",
        exposure: "敞口",
        bandChartLabel: (summary) => `各等级客户数与敞口：${summary}`,
        breaches: "超额度客户",
        breachesIntro: (count, excess) => `${count} 个客户的敞口超过建议额度，超出合计 ${excess}。`,
        breachesNone: "没有客户的敞口超过建议额度。",
        breachColumns: { customer: "客户", exposure: "敞口", limit: "额度", excess: "超出" },
        breachMore: (count) => `另有 ${count} 个（可在客户列表中按额度余量排序查看）`,
        aging: "应收账款账龄分布",
        agingIntro: (overdue, open) => `逾期 ${overdue}，未结合计 ${open}。`,
        agingChartLabel: (summary) => `应收账款账龄分布：${summary}`,
        heatMap: "等级 × 账龄敞口热力图",
        heatMapIntro: "每个客户的敞口按其未结发票的账龄分摊。",
        heatMapTable: (title) => `${title}（表格）`,
        band: "等级",
        rowNumber: (row) => `第 ${row} 行`,
        exposureFrom: (table, tableCustomers, ledger, ledgerCustomers) =>
          ledgerCustomers === "0"
            ? `客户表中 ${tableCustomers} 个客户的敞口单元格之和。`
            : tableCustomers === "0"
              ? `发票台账中 ${ledgerCustomers} 个客户的未结发票之和（客户表没有敞口数据）。`
              : `敞口单元格 ${table}（${tableCustomers} 个客户）＋ 单元格为空时台账的未结发票 ${ledger}（${ledgerCustomers} 个）。`,
        breachCount: (count) => `${count} 个客户`,
        excessNote: (amount) => `超出额度 ${amount}`,
        expectedLossNote: (lgd) => `Σ 敞口 × 违约概率 × 违约损失率 ${lgd}`,
      },
      monitor: {
        heading: "监控",
        receivables: "应收账款",
        openFrom: (open, customers, asOf) => `客户表中 ${customers} 个台账客户在 ${asOf} 的未结发票：${open}。`,
        differs:
          "概览中的风险敞口合计按客户表的敞口列相加（仅在单元格为空时使用台账），因此当表中数据来自其他日期或不只包含未结发票时，两个合计会不同。",
        model: "评分模型",
        modelVersion: "模型版本",
        policyVersion: "信用政策",
        asOf: "评估基准日",
        scored: "已评分客户",
      },
      steps: {
        label: "评估步骤",
        names: { data: "数据", overview: "概览", customers: "客户", monitor: "监控", write: "写回" },
        needsReview: "请选择客户表并进行评估，其余步骤随后显示结果。",
      },
      list: {
        heading: "客户列表",
        filter: "筛选",
        filterPlaceholder: "编号或名称",
        bandFilter: "等级",
        allBands: "全部等级",
        columns: { customer: "客户", score: "评分", band: "等级", exposure: "敞口", limit: "额度", headroom: "余量", stage: "催收" },
        shown: (shown, total) => `显示 ${shown} / ${total} 个客户。`,
        sortBy: (column) => `按${column}排序`,
        empty: "没有符合筛选条件的客户。",
        gridLabel: "客户列表",
        keyboardHint: "方向键移动，回车查看评分解释。",
        columnsButton: "显示列",
        columnsMenu: "显示的列",
      },
      explain: {
        heading: (customer) => `${customer} 的评分解释`,
        hint: "在列表中选择客户，或在工作表中选中其所在行，即可查看评分驱动因素。",
        close: "关闭",
        notScored: (message) => `未评分：${message}`,
        score: "评分",
        band: "等级",
        pd: "违约概率（12个月）",
        coverage: "数据覆盖率",
        waterfall: "各因子得分",
        waterfallLabel: (base, score) => `得分瀑布图：从中性分 ${base} 到评分 ${score}`,
        factor: "因子",
        value: "数值",
        points: "分值",
        total: "评分",
        missing: (count) => `未提供的因子（按平均企业计分）：${count} 个。`,
        derived: "推算",
        reasons: "主要原因",
        noReasons: "没有明显扣分的因子。",
        limit: "建议额度",
        boundBy: (rule) => `决定规则：${rule}`,
        exposure: "敞口",
        headroom: "额度余量",
        lift: (band) => `升至${band}级的途径`,
        liftTogether: (plan) => `同时：${plan}`,
        selectInSheet: "在工作表中显示",
        basis: { neutral: "与平均企业（中性分）相比的分值" },
      },
      write: {
        heading: "将结果写入工作簿",
        intro: "结果列写在表格右侧，每个客户一行。未经确认，绝不覆盖您的单元格。",
        columns: "写入的列",
        columnLabels: LABELS.zh.options,
        mode: "写入方式",
        formulas: "实时 RISK 公式",
        values: "静态数值（便于分享给未安装加载项的同事）",
        formulasNote: "公式会随表格变化自动重算。没有敞口列时的额度余量以及催收阶段来自发票台账，将以数值写入。",
        formulasLedger: "本次评估使用了发票台账中的付款行为，行公式无法获取：结果将以数值写入。",
        formulasModel:
          "本次评估使用了在本页接受的校准模型，下载的文件不包含该模型：其中的 RISK 公式会按内置模型计算，因此结果将以数值写入。",
        report: "（重新）生成含汇总表和图表的“风险报告”工作表",
        button: "写入工作簿…",
        checking: "正在检查目标单元格…",
        confirmTitle: "写入结果？",
        confirmBody: (columns, rows, target) => `将写入 ${columns} 列（${rows} 个客户），位置：${target}。`,
        confirmReport: (sheet) => `将（重新）生成“${sheet}”工作表。`,
        overwriteTitle: "覆盖您的单元格？",
        overwriteBody: (count, where) => `将覆盖 ${count} 个并非由信用哨兵写入的非空单元格，例如 ${where}。`,
        overwriteAsk: "覆盖这些单元格，还是取消后先移走您的数据？",
        write: "写入",
        overwrite: "覆盖并写入",
        cancel: "取消",
        preparing: "正在准备数据列…",
        writing: "正在写入数据列…",
        writingReport: "正在写入报告工作表…",
        done: (target) => `已写入 ${target}。`,
        reportDone: (sheet) => `已（重新）生成“${sheet}”工作表。`,
        cancelled: "未写入任何内容。",
        failed: (message) => `写入失败：${message}`,
        noColumns: "请至少选择一列，或选择生成报告工作表。",
        languageNote: (language) => `文字将以评估时的语言（${language}）写入。`,
        headers: LABELS.zh.sheet,
        editedBody: (count, where) => `其中 ${count} 个由信用哨兵写入、此后被修改过，例如 ${where}：它们现在属于您。`,
        resizedBody: (where) => `先前结果 ${where} 内插入或删除了行或单元格：这些单元格视为您的单元格。`,
        leftoverClear: (count) => `将清除已不在表格中的行旁边的 ${count} 个先前结果单元格。`,
        leftoverKeep: (count, where) => `新区域之外有 ${count} 个先前结果单元格此后被修改过，将保持原样，例如 ${where}。`,
        changedSince: (count, where) => `自检查以来，目标中有 ${count} 个单元格被修改，例如 ${where}。未写入任何内容。请检查后再次确认。`,
        reportRenamed: (sheet, was) => `报告工作表“${was}”已被重命名为“${sheet}”。`,
        reportEdited: (sheet, count, where) => `报告工作表“${sheet}”在信用哨兵写入后被修改：${count} 个单元格，例如 ${where}。`,
        reportCharts: (sheet) => `报告工作表“${sheet}”上的图表在信用哨兵写入后被添加或删除。`,
        reportUnverifiable: (sheet) => `无法判断报告工作表“${sheet}”是否被修改（由旧版本写入）。`,
        reportChoice: "如何处理该工作表",
        reportKeep: (name) => `保留原样，将报告写入新工作表“${name}”`,
        reportReplace: (sheet) => `替换“${sheet}”的内容（之后可以恢复）`,
        reportChangedSince: (sheet) => `自检查以来报告工作表“${sheet}”已被修改。未写入该工作表。请检查后再次确认。`,
        reportKept: (sheet) => `您的工作表“${sheet}”保持原样。`,
        leftoverCleared: (count) => `已清除不在表格中的行旁边的 ${count} 个先前结果单元格。`,
        leftoverKept: (count, where) => `有 ${count} 个先前结果单元格因在信用哨兵写入后被修改而保留，例如 ${where}。`,
        undoNote: "被覆盖的内容会保存在工作簿中：“恢复先前的值”可将其还原。",
        restore: "恢复先前的值",
        restoreHint: (where) => `上次写入：${where}。`,
        restoring: "正在恢复先前的值…",
        restored: (where) => `已恢复 ${where} 中先前的值。`,
        restoreRefused: (count, where) => `未恢复：有 ${count} 个单元格在信用哨兵写入后被修改，例如 ${where}。未做任何更改。`,
        restoreFailed: (message) => `恢复失败：${message}`,
      },
      report: {
        title: "信用哨兵组合风险报告",
        asOf: "评估基准日",
        modelVersion: "模型版本",
        policyVersion: "政策版本",
        summary: "汇总",
        item: "项目",
        value: "数值",
        customers: "客户数",
        scored: "已评分",
        notScored: "未评分",
        totalExposure: "风险敞口合计",
        expectedLoss: "预期损失",
        shareDE: "D–E 级敞口占比",
        recommendedLimits: "建议额度合计",
        breaches: "超过建议额度的客户数",
        breachExcess: "超出建议额度的敞口",
        dso: "组合 DSO（天）",
        byBand: "按等级",
        recommendedLimit: "建议额度",
        aging: "应收账款账龄分布",
        bucket: "账龄段",
        openAmount: "未结金额",
        heatMap: "等级 × 账龄敞口",
        breachList: "超额度最多的客户",
        id: "客户编号",
        name: "客户名称",
      },
    },
    calibrate: {
      heading: "在用模型与校准",
      open: "按我的组合校准",
      close: "关闭校准",
      shippedInUse: (v) => `当前使用：出厂模型 ${v}。`,
      storedInUse: (v) => `当前使用：按本工作簿组合校准的模型 ${v}。本工作簿中的组合评估、解释、写回和 RISK 公式均使用该模型。`,
      storedDetail: (d) => `接受日期：${d}。`,
      revertedNote: (v) => `本工作簿中保存了校准模型（${v}），但当前未使用。`,
      revert: "恢复出厂模型",
      reuse: "重新使用校准模型",
      reverted: "已恢复使用出厂模型；校准模型仍保存在工作簿中。",
      reused: "已重新使用校准模型。",
      brokenTitle: "未使用已保存的模型",
      historyTable: "历史数据表",
      pickTable: "选择包含历史客户及其结果的表",
      noTables: "本工作簿中没有 Excel 表：请将历史数据设置为表（插入 › 表格）。",
      outcomeColumn: "结果列",
      pickOutcome: "选择表示客户是否违约的列",
      outcomeHint: "读作违约：是、1、true、违约、defaulted、failed；读作正常：否、0、false、正常、alive。其他行不参与。",
      stage: "拟合内容",
      stages: {
        auto: "自动（违约样本数允许的最高阶段）",
        levels: "等级分界与违约概率水平（任何历史数据）",
        weights: "因子权重（至少 25 个违约样本）",
        full: "完全重新拟合：分箱与权重（至少 100 个违约样本）",
      },
      expectedRate: "预期 12 个月违约率（历史数据无违约样本时）",
      expectedRateHint: "比例或百分数，如 2% 或 0.02。历史数据有违约样本时可留空。",
      badRate: "请以 0 到 1 之间的比例或百分数输入预期违约率，如 2%。",
      run: "拟合",
      reading: "正在读取历史数据…",
      fitting: "正在拟合并交叉验证…",
      step: (d) => `第 ${d} 步`,
      cancel: "取消",
      cancelled: "拟合已取消，未做任何更改。",
      readFailed: (r) => `无法读取历史数据：${r}`,
      historyRows: (r) => `历史数据：${r} 个客户`,
      historyDefaults: (d) => `，其中 ${d} 个违约。`,
      reportHeading: (st) => `拟合报告：${st}`,
      cvHeading: (f) => `在相同样本上的 ${f} 折交叉验证`,
      metric: "指标",
      fitted: "拟合模型",
      shipped: "出厂模型",
      auc: "AUC（排序能力）",
      ks: "KS",
      capture: "D–E 级捕获的违约",
      falseAlarm: "D–E 级中的正常客户",
      notMeasurable: "历史数据中没有违约样本，无法衡量排序能力；本次拟合按预期违约率设定违约概率水平。",
      weightsHeading: "因子权重（1 = 出厂）",
      weightsNone: "该阶段保留出厂权重。",
      pointsHeading: "各分箱得分",
      pointsCaption: (f) => `${f}：各分箱得分，从最低值到最高值`,
      notReported: "未填报",
      bandsHeading: "历史数据上的等级",
      band: "等级",
      cutoff: "起始分数",
      rows: "客户数",
      defaults: "违约数",
      rate: "违约率",
      pd: "12 个月违约概率",
      accept: "接受并保存到本工作簿",
      discard: "放弃",
      notBetter: "无法接受：交叉验证中拟合结果不如出厂模型。请继续使用出厂模型，或补充历史数据。",
      accepted: (v) => `模型 ${v} 已保存到本工作簿并投入使用。`,
      discarded: "已放弃本次拟合，当前使用的模型未改变。",
      saveFailed: (r) => `无法将模型保存到工作簿：${r}`,
      monitorHeading: "模型监测",
      psi: (v) => `评分相对校准样本的群体稳定性指数（PSI）：${v}`,
      psiRows: (r) => `基于 ${r} 个已评分客户。`,
      psiStable: "稳定（低于 0.1）。",
      psiShift: "有一定偏移（0.1 至 0.25）：请留意。",
      psiDrift: "组合已偏离模型校准时的样本（高于 0.25）：其违约概率和等级分界可能不再适用。建议按您的组合重新校准。",
      psiNone: "当前模型未携带校准样本的评分分布，无法计算稳定性指数。",
      outcomeSource: "违约结果",
      outcomeFromColumn: "历史表中的一列",
      outcomeFromLedger: "由发票台账得出",
      ledgerTable: "发票台账表",
      pickLedger: "选择台账表",
      ledgerHint: (d, m) => `按客户编号关联。观察日之后 ${m} 个月内有发票逾期 ${d} 天及以上的客户判定为违约。`,
      outcomeAsOf: "历史数据观察日",
      outcomeAsOfHint: "历史表中各项指标的观察日期。",
      dataDate: "台账数据截止日（可选）",
      dataDateHint: "台账的最后日期；留空则取台账中最晚的发票日期或付款日期。",
      badDate: "请输入日期（yyyy-mm-dd）。",
      deriveLabels: "统计标签",
      readingLedger: "正在读取历史表和台账…",
      ledgerBadRows: (n) => `有 ${n} 行台账无法读取，已略过；其客户不会被判定为正常。`,
    },
  },
};

/** Names of the languages in the switch, each written in its own language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", zh: "中文" };

/** BCP 47 tag for `<html lang>` and `lang` attributes. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en-US";
}

/**
 * URL of the function reference: docs/functions.md under the support site.
 * @example functionReferenceUrl("https://creditsentinel.example.com/") === "https://creditsentinel.example.com/docs/functions.md"
 */
export function functionReferenceUrl(supportUrl: string): string {
  const base = supportUrl.endsWith("/") ? supportUrl : `${supportUrl}/`;
  return new URL("docs/functions.md", base).href;
}

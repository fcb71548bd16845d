/**
 * The review flow's pure parts: the reducer behind the steps (which step can
 * show when, what a new table or a new review resets, the explanation drawer),
 * the one progress bar's overall fraction, and the write-back state machine.
 */
import { STEPS } from "../../src/taskpane/i18n";
import {
  INITIAL_LIST,
  STEP_NEEDS_REVIEW,
  flowReducer,
  initialFlow,
  stepAvailable,
  type FlowState,
  type Picked,
} from "../../src/taskpane/review/flow";
import { reviewFraction, writeFraction } from "../../src/taskpane/review/progress";
import { INITIAL_WRITE, writeReducer } from "../../src/taskpane/review/write-flow";
import type { ReviewOutcome } from "../../src/taskpane/services/review-runner";

const outcome = { summary: {}, state: {} } as unknown as ReviewOutcome;
const picked = (kind: "customers" | "ledger", name: string): Picked => ({
  kind,
  source: { kind: "table", name },
  data: null,
  label: () => name,
  settingId: name,
  mapping: { kind, columns: [] } as unknown as Picked["mapping"],
  note: null,
});
const reviewed = (): FlowState =>
  flowReducer(flowReducer(initialFlow("2026-06-30"), { type: "picked", picked: picked("customers", "Customers") }), {
    type: "reviewed",
    outcome,
    notice: { intent: "success", text: () => "done" },
  });

describe("flowReducer: the steps", () => {
  test("before a review only Data can be shown; every step in STEPS says whether it needs one", () => {
    const s0 = initialFlow("2026-06-30");
    expect(s0.step).toBe("data");
    expect(Object.keys(STEP_NEEDS_REVIEW).sort()).toEqual([...STEPS].sort());
    for (const step of STEPS) {
      expect(flowReducer(s0, { type: "step", step }).step).toBe(STEP_NEEDS_REVIEW[step] ? "data" : step);
      expect(stepAvailable(s0, step)).toBe(!STEP_NEEDS_REVIEW[step]);
    }
  });

  test("a finished review opens the Overview; then every step can be shown", () => {
    const s = reviewed();
    expect(s.step).toBe("overview");
    for (const step of STEPS) expect(flowReducer(s, { type: "step", step }).step).toBe(step);
  });

  test("a new customer table makes the review stale: results, drawer and list view go, back to Data; a ledger does not", () => {
    let s = reviewed();
    s = flowReducer(s, { type: "step", step: "customers" });
    s = flowReducer(s, { type: "list", prefs: { text: "acme", columns: ["score"] } });
    s = flowReducer(s, { type: "explain", row: 2 });
    const withLedger = flowReducer(s, { type: "picked", picked: picked("ledger", "Invoices") });
    expect(withLedger.outcome).toBe(outcome);
    expect(withLedger.step).toBe("customers");
    const fresh = flowReducer(s, { type: "picked", picked: picked("customers", "Other") });
    expect(fresh).toMatchObject({ outcome: null, selectedRow: null, explainOpen: false, step: "data", list: INITIAL_LIST });
    expect(fresh.customers?.settingId).toBe("Other");
  });

  test("a new review keeps the columns the user picked but not the filter", () => {
    let s = flowReducer(reviewed(), { type: "list", prefs: { text: "acme", columns: ["score", "stage"] } });
    s = flowReducer(s, { type: "reviewed", outcome, notice: { intent: "success", text: () => "again" } });
    expect(s.list).toEqual({ ...INITIAL_LIST, columns: ["score", "stage"] });
  });
});

describe("flowReducer: Explain and the sheet", () => {
  test("explain opens the drawer on a row; close keeps the row selected; nothing before a review", () => {
    expect(flowReducer(initialFlow("2026-06-30"), { type: "explain", row: 1 }).explainOpen).toBe(false);
    let s = flowReducer(reviewed(), { type: "explain", row: 1 });
    expect(s).toMatchObject({ selectedRow: 1, explainOpen: true });
    s = flowReducer(s, { type: "closeExplain" });
    expect(s).toMatchObject({ selectedRow: 1, explainOpen: false });
  });

  test("a row selected in the sheet selects the customer but never opens the drawer by itself", () => {
    const s = flowReducer(reviewed(), { type: "sheetRow", row: 3 });
    expect(s).toMatchObject({ selectedRow: 3, explainOpen: false });
    const open = flowReducer(flowReducer(reviewed(), { type: "explain", row: 1 }), { type: "sheetRow", row: 3 });
    expect(open).toMatchObject({ selectedRow: 3, explainOpen: true });
  });
});

describe("flowReducer: busy and progress", () => {
  test("progress only lands while busy; idle clears it", () => {
    const s0 = initialFlow("2026-06-30");
    expect(flowReducer(s0, { type: "progress", progress: { phase: "scoring", done: 1, total: 2 } })).toBe(s0);
    let s = flowReducer(s0, { type: "busy", label: "Reading", visible: false, withLedger: true });
    s = flowReducer(s, { type: "busyVisible" });
    s = flowReducer(s, { type: "progress", progress: { phase: "scoring", done: 1, total: 2 } });
    expect(s.busy).toEqual({ label: "Reading", visible: true, withLedger: true, progress: { phase: "scoring", done: 1, total: 2 } });
    expect(flowReducer(s, { type: "idle" }).busy).toBeNull();
  });
});

describe("one progress bar", () => {
  test("the review's bar only moves forward across its phases, and ends at 100 %", () => {
    for (const withLedger of [false, true]) {
      const phases = withLedger
        ? (["reading", "readingLedger", "preparing", "scoring", "summarising"] as const)
        : (["reading", "preparing", "scoring", "summarising"] as const);
      let last = -1;
      for (const phase of phases)
        for (const done of [0, 5, 10]) {
          const f = reviewFraction({ phase, done, total: 10 }, withLedger);
          expect(f).toBeGreaterThanOrEqual(last);
          last = f;
        }
      expect(last).toBeCloseTo(1, 10);
    }
    expect(reviewFraction({ phase: "scoring", done: 50, total: 100 }, false)).toBeCloseTo(0.8, 10);
  });

  test("the write's bar: columns then the report; the report alone starts at half", () => {
    const seq = [
      writeFraction("preparing", 0, 1, true),
      writeFraction("checking", 1, 2, true),
      writeFraction("writing", 2, 2, true),
      writeFraction("report", 1, 1, true),
    ];
    expect([...seq].sort((a, b) => a - b)).toEqual(seq);
    expect(seq[3]).toBeCloseTo(1, 10);
    expect(writeFraction("report", 0, 1, false)).toBe(0.5);
  });
});

describe("writeReducer", () => {
  test("start keeps the last write; confirm opens the dialog; a change since the check comes back to it; done closes", () => {
    const last = { id: "w1" } as unknown as NonNullable<typeof INITIAL_WRITE.last>;
    let s = writeReducer({ ...INITIAL_WRITE, last, message: { intent: "info", text: "old" } }, { type: "start" });
    expect(s).toEqual({ ...INITIAL_WRITE, last });
    s = writeReducer(s, { type: "confirm", pending: { columns: true, report: true } });
    expect(s.phase).toBe("confirm");
    s = writeReducer(s, { type: "phase", phase: "writing" });
    s = writeReducer(s, { type: "changedSince", plan: {} as never, count: 1, cells: ["Sheet1!K3"] });
    expect(s).toMatchObject({ phase: "confirm", changedSince: { count: 1, cells: ["Sheet1!K3"] } });
    s = writeReducer(s, { type: "phase", phase: "writing" });
    expect(s.changedSince).toBeNull();
    s = writeReducer(s, { type: "done", message: { intent: "success", text: "Written" } });
    expect(s).toMatchObject({ phase: "idle", pending: { columns: false, report: false }, message: { text: "Written" }, last });
  });
});

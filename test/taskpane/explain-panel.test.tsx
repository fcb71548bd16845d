/**
 * The "Explain" panel's lift section: single-factor suggestions, the combined
 * plan when no single change is enough, and the note when neither exists.
 * Scored with the test scorecard (band B from 75) so the figures are hand-checkable:
 * debt 60 % → 20, quick ratio missing → 15, 20 days late → 15: 50 (C). Alone, debt 49 % gives 70
 * and 0 days late 65; together 40 + 15 + 30 = 85.
 */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { isEngineError } from "../../src/engine/errors";
import type { Lang } from "../../src/engine/lang";
import { autoMapColumns, prepareReview, reviewChunk } from "../../src/engine/portfolio";
import { ExplainPanel, explainInLang } from "../../src/taskpane/review/ExplainPanel";
import { explainRow } from "../../src/engine/portfolio/explain";
import { strings } from "../../src/taskpane/i18n";
import { AS_OF, TEST_MODEL, TEST_POLICY } from "../engine/portfolio/fixtures";

const POLICY = {
  ...TEST_POLICY,
  model: { ...TEST_MODEL, bands: TEST_MODEL.bands.map((b) => (b.band === "B" ? { ...b, minScore: 75 } : b)) },
};
const HEADERS = ["Customer ID", "Debt ratio", "Avg days late"];
const ROWS = [
  ["P1", 0.6, 20], // no single change reaches B: combined plan
  ["P2", "", 20], // one lever only: the note
  ["P3", 0.9, 40], // 0 + 15 + 0 = 15 (E), D needs 30: debt 79 % alone gives 35, 30 days late 30
];

function renderPanel(row: number, lang: Lang) {
  const st = prepareReview({ headers: HEADERS, rows: ROWS, mapping: autoMapColumns(HEADERS), asOf: AS_OF, policy: POLICY, lang });
  if (isEngineError(st)) throw new Error(st.message);
  reviewChunk(st, 0, st.total);
  render(
    <FluentProvider theme={webLightTheme}>
      <ExplainPanel state={st} row={row} lang={lang} t={strings[lang].review} onClose={() => {}} onShowInSheet={() => {}} />
    </FluentProvider>,
  );
  return screen.getByTestId("explain");
}

describe("ExplainPanel lift section", () => {
  test("no single change is enough: one combined item under the next band's heading", () => {
    const panel = renderPanel(0, "en");
    expect(within(panel).getByRole("heading", { name: "To reach band B" })).toBeInTheDocument();
    expect(
      within(within(panel).getByTestId("lift-combined"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Together: Debt ratio from 60% to 49%; Average days late from 20 days to 0 days (+35 pts → band A)"]);
    expect(within(panel).queryByTestId("lift")).toBeNull();
    expect(within(panel).queryByText(/No single realistic factor change/)).toBeNull();
  });

  test("in Chinese", () => {
    const panel = renderPanel(0, "zh");
    expect(within(panel).getByRole("heading", { name: "升至B级的途径" })).toBeInTheDocument();
    expect(within(panel).getByTestId("lift-combined")).toHaveTextContent(
      "同时：资产负债率由 60% 降至 49%；平均逾期天数由 20天 降至 0天（+35分 → A级）",
    );
  });

  test("no plan either: the note stays", () => {
    const panel = renderPanel(1, "en");
    expect(within(panel).getByRole("heading", { name: "To reach band B" })).toBeInTheDocument();
    expect(within(panel).queryByTestId("lift-combined")).toBeNull();
    expect(within(panel).getByText("No single realistic factor change reaches band B (needs 75, now 50).")).toBeInTheDocument();
  });

  test("single suggestions exist: they are listed, no combined plan", () => {
    const panel = renderPanel(2, "en");
    expect(within(panel).getByRole("heading", { name: "To reach band D" })).toBeInTheDocument();
    expect(
      within(within(panel).getByTestId("lift"))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Debt ratio from 90% to 79% (+20 pts → band D)", "Average days late from 40 days to 30 days (+15 pts → band D)"]);
    expect(within(panel).queryByTestId("lift-combined")).toBeNull();
  });
});

describe("explainInLang: the engine's explainRow in the pane's language", () => {
  const review = (rows: unknown[][]) => {
    const st = prepareReview({ headers: HEADERS, rows, mapping: autoMapColumns(HEADERS), asOf: AS_OF, policy: POLICY, lang: "en" });
    if (isEngineError(st)) throw new Error(st.message);
    reviewChunk(st, 0, st.total);
    return st;
  };

  test("a review run in English is explained in Chinese after a language switch, as explainRow gives it", () => {
    const st = review(ROWS);
    const zh = explainInLang(st, 0, "zh");
    expect(zh).toEqual(explainRow(st, 0, "zh"));
    expect("error" in zh).toBe(false);
    expect(JSON.stringify(zh)).toContain("资产负债率");
  });

  test("a row that was not scored: its message in the pane's language, not the review's", () => {
    const st = review([["P9", "abc", 20]]);
    const en = explainInLang(st, 0, "en");
    const zh = explainInLang(st, 0, "zh");
    expect(en).toEqual({ error: expect.stringMatching(/[A-Za-z]/) });
    expect(zh).toEqual({ error: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(zh).not.toEqual(en);
  });
});

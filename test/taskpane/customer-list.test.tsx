/**
 * The virtualised customer list: only a window of rows is in the DOM for
 * 200,000 customers, scrolling and the keyboard move that window, sorting and
 * filtering work on the whole list.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CustomerResult } from "../../src/engine/portfolio/review";
import type { Band } from "../../src/engine/scoring/model";
import { CustomerList, listView } from "../../src/taskpane/review/CustomerList";
import { strings } from "../../src/taskpane/i18n";
import { LIST_ROW_HEIGHT } from "../../src/taskpane/theme";

const BANDS: Band[] = ["A", "B", "C", "D", "E"];

/** A synthetic reviewed customer: score = (row mod 1000) / 10, band from the row, exposure = row. */
function customer(row: number, over: Partial<CustomerResult> = {}): CustomerResult {
  const score = (row % 1000) / 10;
  return {
    row,
    sheetRow: row + 2, // header in sheet row 1
    id: `C${String(row + 1).padStart(6, "0")}`,
    name: `Firm ${row + 1}`,
    blank: false,
    score,
    band: BANDS[row % 5],
    pd: 0.01,
    coverage: 1,
    limit: 1000,
    limitRule: "net_worth_cap",
    limitRuleText: "Net-worth cap",
    currentLimit: null,
    exposure: row,
    exposureSource: "table",
    headroom: 1000 - row,
    breach: Math.max(0, row - 1000),
    breachCurrent: null,
    expectedLoss: 0,
    ledger: false,
    dunningStage: null,
    dunningStageNumber: null,
    dunningOnHold: false,
    overdueByBucket: null,
    duplicateId: false,
    error: null,
    errorAt: null,
    ...over,
  };
}

const t = strings.en.review;

function renderList(results: (CustomerResult | null)[], onSelect = jest.fn(), selectedRow: number | null = null) {
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <CustomerList results={results} lang="en" t={t} selectedRow={selectedRow} onSelect={onSelect} stageName={() => ""} height={320} />
    </FluentProvider>,
  );
  return { ...utils, onSelect, list: screen.getByRole("listbox", { name: "Customer list" }) };
}

const positions = (list: HTMLElement) =>
  within(list)
    .getAllByRole("option")
    .map((o) => Number(o.getAttribute("aria-posinset")));

describe("listView", () => {
  const rows = [
    customer(0, { headroom: 50 }),
    customer(1, { headroom: null, band: null, score: null }),
    null,
    customer(3, { headroom: -20 }),
    customer(4, { blank: true }),
    customer(5, { headroom: 50 }),
  ];
  const search = rows.map((c) => (c ? `${c.id} ${c.name}`.toLowerCase() : ""));

  test("leaves out blank and unreviewed rows, keeps row order without a sort", () => {
    expect([...listView(rows, search, "", "all", null)]).toEqual([0, 1, 3, 5]);
  });

  test("sorts by headroom either way with missing values last and ties in row order", () => {
    expect([...listView(rows, search, "", "all", { column: "headroom", dir: 1 })]).toEqual([3, 0, 5, 1]);
    expect([...listView(rows, search, "", "all", { column: "headroom", dir: -1 })]).toEqual([0, 5, 3, 1]);
  });

  test("filters by id or name (case-insensitive) and by band, not scored included", () => {
    expect([...listView(rows, search, "FIRM 6", "all", null)]).toEqual([5]);
    expect([...listView(rows, search, "c000004", "all", null)]).toEqual([3]);
    expect([...listView(rows, search, "", "not_scored", null)]).toEqual([1]);
    expect([...listView(rows, search, "", "D", null)]).toEqual([3]);
  });
});

describe("<CustomerList> with 200,000 customers", () => {
  const N = 200_000;
  const many = Array.from({ length: N }, (_, r) => customer(r));

  test("renders only the rows in view, each knowing its place in the whole list", () => {
    const { list } = renderList(many);
    const pos = positions(list);
    expect(pos[0]).toBe(1);
    expect(pos.length).toBeLessThanOrEqual(Math.ceil(320 / LIST_ROW_HEIGHT) + 6);
    expect(within(list).getAllByRole("option")[0]).toHaveAttribute("aria-setsize", String(N));
    expect(list.firstElementChild).toHaveStyle({ height: `${N * LIST_ROW_HEIGHT}px` });
    expect(screen.getByText(/^200,000 of 200,000 customers\./)).toBeInTheDocument();
  });

  test("scrolling moves the window; the keyboard reaches the last customer and Enter explains it", () => {
    const { list, onSelect } = renderList(many);
    fireEvent.scroll(list, { target: { scrollTop: 100_000 * LIST_ROW_HEIGHT } });
    const pos = positions(list);
    expect(pos[0]).toBe(100_000 - 6 + 1);
    expect(pos.at(-1)).toBe(100_000 + 10 + 6);
    expect(pos.length).toBeLessThanOrEqual(30);

    act(() => list.focus());
    fireEvent.keyDown(list, { key: "End" });
    const active = document.getElementById(list.getAttribute("aria-activedescendant") as string);
    expect(active).toHaveAttribute("aria-posinset", String(N));
    expect(active).toHaveAccessibleName(/^C200000 Firm 200000; Score 99\.9; Band E; Exposure 199,999; Limit 1,000; Headroom −198,999$/);
    fireEvent.keyDown(list, { key: "PageUp" });
    fireEvent.keyDown(list, { key: "ArrowUp" });
    fireEvent.keyDown(list, { key: "Enter" });
    // A page is the 10 rows in view less one.
    expect(onSelect).toHaveBeenLastCalledWith(N - 1 - 9 - 1);
  });

  test("sorting by score puts the best first; the band filter narrows the list", async () => {
    const { list } = renderList(many);
    fireEvent.click(screen.getByRole("button", { name: "Sort by Score" }));
    await waitFor(() => expect(within(list).getAllByRole("option")[0]).toHaveAttribute("data-row", "999"));
    expect(screen.getByRole("button", { name: "Sort by Score" })).toHaveAttribute("aria-pressed", "true");
    fireEvent.change(screen.getByRole("combobox", { name: "Band" }), { target: { value: "E" } });
    await waitFor(() => expect(screen.getByText(/^40,000 of 200,000 customers\./)).toBeInTheDocument());
    // Band E rows are 4, 9, …; the best score among them is 99.9 at row 999.
    expect(within(list).getAllByRole("option")[0]).toHaveAttribute("data-row", "999");
  });

  test("a row selected elsewhere (the sheet) is scrolled into view and marked selected", () => {
    const { list, rerender } = renderList(many);
    rerender(
      <FluentProvider theme={webLightTheme}>
        <CustomerList results={many} lang="en" t={t} selectedRow={150_000} onSelect={jest.fn()} stageName={() => ""} height={320} />
      </FluentProvider>,
    );
    const selected = within(list)
      .getAllByRole("option")
      .filter((o) => o.getAttribute("aria-selected") === "true");
    expect(selected.map((o) => o.getAttribute("data-row"))).toEqual(["150000"]);
  });

  test("a list that opens with a selected row starts scrolled to it", () => {
    const { list } = renderList(many, jest.fn(), 120_000);
    const selected = within(list)
      .getAllByRole("option")
      .filter((o) => o.getAttribute("aria-selected") === "true");
    expect(selected.map((o) => o.getAttribute("aria-posinset"))).toEqual(["120001"]);
  });
});

describe("<CustomerList> at task-pane width: names and columns", () => {
  const results = [customer(0, { name: "Shanghai Pudong Precision Machinery Import & Export Co., Ltd." }), customer(1), customer(2)];

  test("the full name shows on hover (title) and, for the active row of the focused list, under it", () => {
    const { list } = renderList(results);
    const first = within(list).getAllByRole("option")[0];
    expect(within(first).getByTitle("C000001 Shanghai Pudong Precision Machinery Import & Export Co., Ltd.")).toBeInTheDocument();
    expect(screen.getByTestId("active-customer")).toHaveTextContent(/^$/);
    fireEvent.focus(list);
    expect(screen.getByTestId("active-customer")).toHaveTextContent(
      "C000001 · Shanghai Pudong Precision Machinery Import & Export Co., Ltd.",
    );
    fireEvent.keyDown(list, { key: "ArrowDown" });
    expect(screen.getByTestId("active-customer")).toHaveTextContent("C000002 · Firm 2");
    fireEvent.blur(list);
    expect(screen.getByTestId("active-customer")).toHaveTextContent(/^$/);
  });

  test("Columns shows checkboxes that show and hide the list's columns (the customer always shows)", () => {
    renderList(results);
    // jsdom has no layout: the list is drawn for the default task-pane width, with score, band and headroom.
    const sortButtons = () => screen.getAllByRole("button", { name: /^Sort by / }).map((b) => b.getAttribute("aria-label"));
    expect(sortButtons()).toEqual(["Sort by Customer", "Sort by Score", "Sort by Band", "Sort by Headroom"]);
    const toggle = screen.getByRole("button", { name: "Columns" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const group = screen.getByRole("group", { name: t.list.columnsMenu });
    expect(within(group).getByRole("checkbox", { name: "Headroom" })).toBeChecked();
    fireEvent.click(within(group).getByRole("checkbox", { name: "Exposure" }));
    fireEvent.click(within(group).getByRole("checkbox", { name: "Score" }));
    expect(sortButtons()).toEqual(["Sort by Customer", "Sort by Band", "Sort by Exposure", "Sort by Headroom"]);
    const row = within(screen.getByRole("listbox", { name: "Customer list" })).getAllByRole("option")[0];
    expect(within(row).getByTitle("0")).toBeInTheDocument(); // the exposure of row 0 (its full amount as the title)
  });
});

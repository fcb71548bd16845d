/** Display formatting of the pane, and the demo portfolio the browser demo and e2e test use. */
import * as fmt from "../../src/taskpane/format";
import { DEMO_CUSTOMER_HEADERS, DEMO_INJECTION_NAME, demoTables, rng } from "../../src/taskpane/services/demo-portfolio";
import { autoMapColumns, checkMapping } from "../../src/engine/portfolio/mapping";
import { agingFill } from "../../src/taskpane/review/charts";
import { wrapLabel } from "../../src/taskpane/review/charts/kit";

describe("format", () => {
  test.each([
    ["amount", fmt.amount(1234567.8, "en"), "1,234,568"],
    ["amount zh", fmt.amount(1234567.8, "zh"), "1,234,568"],
    ["amount missing", fmt.amount(null, "en"), "–"],
    ["compact en", fmt.compact(1_250_000, "en"), "1.3M"],
    ["compact zh", fmt.compact(1_250_000, "zh"), "125万"],
    ["compact3 en", fmt.compact3(194_600, "en"), "195K"],
    ["compact3 zh", fmt.compact3(194_600, "zh"), "19.5万"],
    ["percent", fmt.percent(0.1234, "en"), "12.3%"],
    ["percent 2", fmt.percent(0.019345, "en", 2), "1.93%"],
    ["score", fmt.score(71.26, "en"), "71.3"],
    ["signed points", fmt.signedPoints(-3.25, "en"), "−3.3"],
    ["signed points +", fmt.signedPoints(2.2, "en"), "+2.2"],
    ["zero points", fmt.signedPoints(0, "en"), "0"],
  ])("%s", (_name, got, want) => expect(got).toBe(want));

  test("today's ISO date is local", () => {
    expect(fmt.todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });

  test("aging colours: current is blue, buckets get warmer", () => {
    expect([0, 1, 2, 3, 4].map((k) => agingFill(k, 5))).toEqual(["#0F6CBD", "#F7C948", "#F4A259", "#E0592A", "#C50F1F"]);
  });
});

describe("demo portfolio", () => {
  test("is deterministic for a seed and plants the data problems the pane must report", () => {
    const a = demoTables({ customers: 100, asOf: 46326, seed: 7 });
    const b = demoTables({ customers: 100, asOf: 46326, seed: 7 });
    expect(a).toEqual(b);
    expect(rng(1)()).toBe(rng(1)());
    const rows = a.customers.rows;
    expect(rows).toHaveLength(100);
    expect(rows[2][1]).toBe(DEMO_INJECTION_NAME);
    expect(rows[16][2]).toBe("12,5 %");
    expect(rows[40][0]).toBe(rows[39][0]);
    expect(a.ledger.rows.at(-1)?.[0]).toBe("C999999");
    // Every header but "Notes" is recognised, and the mapping has no error.
    const m = autoMapColumns(DEMO_CUSTOMER_HEADERS);
    expect(m.columns.filter((c) => c.key === null).map((c) => c.header)).toEqual(["Notes"]);
    expect(checkMapping(m).filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("chart labels", () => {
  test("wrap at spaces, between Chinese characters, and never inside a Latin word", () => {
    expect(wrapLabel("No open invoices", 50, 10)).toEqual(["No open", "invoices"]);
    expect(wrapLabel("Current", 30, 11)).toEqual(["Current"]);
    expect(wrapLabel("无未结发票", 25, 11)).toEqual(["无未", "结发票"]);
    expect(wrapLabel("1–30", 60, 11)).toEqual(["1–30"]);
  });
});

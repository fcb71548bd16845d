/**
 * "Calibrate to my portfolio" on the fake host (in-memory WorkbookPort, jsdom):
 * pick the history table and outcome, fit with progress, the fit report,
 * Accept disabled with its reason when the fit is not better, a refused
 * stage, cancel, accept → stored and used by the RISK formulas, revert,
 * a corrupt stored model, and the PSI monitor after a review.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/engine/lang";
import { DEFAULT_MODEL } from "../../src/engine/scoring/model";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { CANONICAL_RATIOS } from "../../src/engine/calibration/fit";
import { calibrationDistribution } from "../../src/engine/calibration/monitor";
import { encodeStoredModel } from "../../src/engine/calibration/stored-model";
import { activePolicy, setActiveModel } from "../../src/functions/active-policy";
import { App } from "../../src/taskpane/App";
import { strings } from "../../src/taskpane/i18n";
import { ModelPanel } from "../../src/taskpane/calibrate/ModelPanel";
import { ScoreMonitor } from "../../src/taskpane/calibrate/ScoreMonitor";
import { MODEL_SETTING, modelPartSetting } from "../../src/taskpane/calibrate/model-store";
import { useStoredModel } from "../../src/taskpane/calibrate/useStoredModel";
import { createMemoryWorkbook, type MemoryTable, type MemoryWorkbook } from "../../src/taskpane/services/memory-workbook";
import { syntheticHistory } from "../../bench/scoring";
import { customersTable, AS_OF_ISO } from "./fixtures";

jest.setTimeout(60_000);

/** 600 past customers, 42 of them defaulted ("yes"/"no" in the Defaulted column). */
function historyTable(): MemoryTable {
  const h = syntheticHistory(600, 3);
  const keys = CANONICAL_RATIOS.map((f) => f.key);
  const rows = Array.from({ length: h.n }, (_, i) => [
    ...keys.map((k) => {
      const x = h.columns[k]![i];
      return x === x ? x : "";
    }),
    h.label[i] ? "yes" : "no",
  ]);
  return { name: "History", sheetName: "Past", headers: [...keys, "Defaulted"], rows };
}

function Harness({ wb, lang }: { wb: MemoryWorkbook; lang: Lang }) {
  const stored = useStoredModel(wb);
  return <ModelPanel port={wb} lang={lang} stored={stored} today={() => "2026-06-30"} />;
}

function renderPanel(wb: MemoryWorkbook, lang: Lang = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Harness wb={wb} lang={lang} />
    </FluentProvider>,
  );
}

async function openAndPick() {
  await screen.findByText(/^In use: the shipped model/);
  fireEvent.click(screen.getByRole("button", { name: "Calibrate to my portfolio" }));
  const table = await screen.findByRole("combobox", { name: "History table" });
  await waitFor(() => expect(within(table).getByRole("option", { name: "History (600)" })).toBeInTheDocument());
  fireEvent.change(table, { target: { value: "History" } });
  // The outcome column is found by its name.
  expect(screen.getByRole("combobox", { name: /^Outcome column/ })).toHaveValue("Defaulted");
}

const fitButton = () => screen.getByRole("button", { name: "Fit" });

afterEach(() => setActiveModel(null));

describe("Calibrate to my portfolio", () => {
  test("auto fit: progress, the report next to the shipped model; not better → Accept disabled with the reason", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable()] });
    renderPanel(wb);
    await openAndPick();
    fireEvent.click(fitButton());
    expect(await screen.findByTestId("fit-progress")).toBeInTheDocument();
    const report = await screen.findByTestId("fit-report", {}, { timeout: 30_000 });
    expect(within(report).getByRole("heading", { name: "Fit report: Factor weights (25 defaults or more)" })).toBeInTheDocument();
    const cv = within(report).getByRole("table", { name: "5-fold cross-validation on the same rows" });
    const auc = within(cv).getByRole("row", { name: /^AUC \(ranking\)/ });
    expect(
      within(auc)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["AUC (ranking)", expect.stringMatching(/^0\.\d{3}$/), expect.stringMatching(/^0\.\d{3}$/)]);
    expect(within(report).getByTestId("fit-weights").textContent).toMatch(/Debt ratio \d\.\d{2}/);
    expect(
      within(report).getByRole("figure", { name: "Debt ratio: points per bin, from the lowest values to the highest" }),
    ).toBeInTheDocument();
    const bands = within(report).getByRole("table", { name: "Bands on the history" });
    expect(within(bands).getAllByRole("row")).toHaveLength(6);
    const counted = within(bands)
      .getAllByRole("row")
      .slice(1)
      .map((r) => Number(within(r).getAllByRole("cell")[2].textContent));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(600);
    expect(screen.getByText(/^History: 600 customers, 42 defaults\.$/)).toBeInTheDocument();
    const accept = screen.getByRole("button", { name: "Accept and store in this workbook" });
    expect(accept).toBeDisabled();
    expect(accept).toHaveAccessibleDescription(/Accept is not available: in cross-validation the fit did worse than the shipped model/);
    fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    expect(await screen.findByText("The fit was discarded. The model in use is unchanged.")).toBeInTheDocument();
    expect(wb.settings.has(MODEL_SETTING)).toBe(false);
  });

  test("a stage the history has too few defaults for is refused with how many it needs", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable()] });
    renderPanel(wb);
    await openAndPick();
    fireEvent.click(screen.getByRole("radio", { name: "Full refit: bins and weights (100 defaults or more)" }));
    fireEvent.click(fitButton());
    expect(
      await screen.findByText(
        "A full refit (bins and weights) needs at least 100 defaults in the history; it has 42. Refit the weights instead (stage 2, 25 defaults), or add history.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("fit-report")).toBeNull();
  });

  test("Cancel stops the fit; nothing is stored", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable()] });
    renderPanel(wb);
    await openAndPick();
    fireEvent.click(fitButton());
    const progress = await screen.findByTestId("fit-progress");
    fireEvent.click(within(progress).getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("The fit was cancelled. Nothing was changed.")).toBeInTheDocument();
    expect(screen.queryByTestId("fit-report")).toBeNull();
    expect(wb.settings.size).toBe(0);
  });

  test("the panel's notice follows a language switch (it was worded once, in the language of the moment)", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable()] });
    const { rerender } = renderPanel(wb);
    await openAndPick();
    fireEvent.click(fitButton());
    const progress = await screen.findByTestId("fit-progress");
    fireEvent.click(within(progress).getByRole("button", { name: "Cancel" }));
    expect(await screen.findByTestId("calibrate-notice")).toHaveTextContent("The fit was cancelled. Nothing was changed.");
    rerender(
      <FluentProvider theme={webLightTheme}>
        <Harness wb={wb} lang="zh" />
      </FluentProvider>,
    );
    expect(screen.getByTestId("calibrate-notice")).toHaveTextContent(strings.zh.calibrate.cancelled);
  });

  test("a bad expected default rate blocks the fit with a message", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable()] });
    renderPanel(wb);
    await openAndPick();
    fireEvent.change(screen.getByRole("textbox", { name: /^Expected 12-month default rate/ }), { target: { value: "abc" } });
    expect(screen.getByText(/^Enter the expected default rate as a share between 0 and 1/)).toBeInTheDocument();
    expect(fitButton()).toBeDisabled();
  });

  test("levels fit → Accept stores it (record + parts, fit report) and the formulas use it; Revert is one click; Use again", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable()] });
    renderPanel(wb);
    await openAndPick();
    fireEvent.click(screen.getByRole("radio", { name: "Band cut-offs and PD levels (any history)" }));
    fireEvent.click(fitButton());
    await screen.findByTestId("fit-report", {}, { timeout: 30_000 });
    expect(screen.getByText("This stage keeps the shipped weights.")).toBeInTheDocument();
    const accept = screen.getByRole("button", { name: "Accept and store in this workbook" });
    expect(accept).toBeEnabled();
    fireEvent.click(accept);
    expect(await screen.findByText("Model 2.0.0+levels is stored in this workbook and in use.")).toBeInTheDocument();
    expect(screen.getByTestId("model-in-use").textContent).toMatch(
      /^In use: the model calibrated to this workbook's portfolio, 2\.0\.0\+levels\./,
    );
    expect(screen.getByText("Accepted on 2026-06-30.")).toBeInTheDocument();
    const manifest = wb.settings.get(MODEL_SETTING) as {
      format: number;
      active: boolean;
      hash: string;
      report: { stage: string; rows: number; defaults: number; data: string };
    };
    expect(manifest).toMatchObject({ format: 1, active: true, report: { stage: "levels", rows: 600, defaults: 42, data: "History" } });
    expect(manifest.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof wb.settings.get(modelPartSetting(0))).toBe("string");
    expect(activePolicy().model.version).toBe("2.0.0+levels");
    expect(wb.recalculations).toBe(1);

    fireEvent.click(screen.getByRole("button", { name: "Revert to the shipped model" }));
    expect(
      await screen.findByText(/^A calibrated model \(2\.0\.0\+levels\) is stored in this workbook but not in use\./),
    ).toBeInTheDocument();
    expect(screen.getByTestId("model-in-use").textContent).toMatch(/^In use: the shipped model/);
    expect(activePolicy()).toBe(DEFAULT_POLICY);
    expect((wb.settings.get(MODEL_SETTING) as { active: boolean }).active).toBe(false);
    expect(wb.recalculations).toBe(2);
    fireEvent.click(screen.getByRole("button", { name: "Use the calibrated model again" }));
    await waitFor(() => expect(activePolicy().model.version).toBe("2.0.0+levels"));
  });

  test("a corrupt stored model: a clear message (zh), the shipped model, the stored one untouched", async () => {
    const wb = createMemoryWorkbook({ tables: [historyTable()] });
    const { manifest, parts } = encodeStoredModel({ ...DEFAULT_MODEL, version: "2.0.0+weights" }, null, "2026-06-30");
    wb.settings.set(MODEL_SETTING, manifest);
    wb.settings.set(modelPartSetting(0), parts[0].slice(0, -10));
    const before = JSON.stringify([...wb.settings.entries()]);
    renderPanel(wb, "zh");
    const warn = await screen.findByTestId("stored-model-broken");
    expect(warn.textContent).toContain("未使用已保存的模型");
    expect(warn.textContent).toContain(
      "本工作簿中保存的校准模型无法读取（其内容与记录的哈希值不符（被截断或被修改））。现使用出厂模型；已保存的模型保持原样。",
    );
    expect(screen.getByTestId("model-in-use").textContent).toMatch(/^当前使用：出厂模型/);
    expect(activePolicy()).toBe(DEFAULT_POLICY);
    expect(JSON.stringify([...wb.settings.entries()])).toBe(before);
    expect(wb.recalculations).toBe(0);
  });
});

describe("model monitoring (PSI)", () => {
  const ref = calibrationDistribution(DEFAULT_MODEL)!;
  const like: number[] = ref.shares.flatMap((sh, k) =>
    Array.from({ length: Math.round(sh * 500) }, () => (k === 0 ? 5 : ref.edges[k - 1] + 5)),
  );

  test("scores like the calibration sample: the index and 'stable'; piled in one bin: the drift warning (en, zh)", () => {
    const { rerender } = render(
      <FluentProvider theme={webLightTheme}>
        <ScoreMonitor model={DEFAULT_MODEL} scores={like} lang="en" />
      </FluentProvider>,
    );
    expect(screen.getByTestId("psi-value").textContent).toMatch(/against the calibration sample: 0\.00\d$/);
    expect(screen.getByText("Stable (below 0.1).")).toBeInTheDocument();
    expect(screen.queryByTestId("psi-drift")).toBeNull();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ScoreMonitor model={DEFAULT_MODEL} scores={like.map(() => 25)} lang="zh" />
      </FluentProvider>,
    );
    expect(screen.getByTestId("psi-drift").textContent).toMatch(/组合已偏离模型校准时的样本（高于 0.25）/);
  });

  async function reviewCustomers(wb: MemoryWorkbook): Promise<HTMLElement> {
    render(<App version="0.1.0" referenceUrl="https://example.com/functions.md" office={undefined} workbook={wb} progressDelayMs={0} />);
    await screen.findByTestId("model-in-use");
    const select = screen.getByRole("combobox", { name: "Customer table" });
    await waitFor(() => expect(within(select).getByRole("option", { name: /^Customers \(/ })).toBeInTheDocument());
    fireEvent.change(select, { target: { value: "Customers" } });
    await screen.findByRole("heading", { name: "Customer table columns" });
    fireEvent.change(screen.getByLabelText("As-of date"), { target: { value: AS_OF_ISO } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /^Review (portfolio|again)$/ }));
    });
    return screen.findByTestId("score-monitor", {}, { timeout: 10_000 });
  }

  test("the review uses the workbook's stored model (here one without a calibration sample: no index)", async () => {
    const wb = createMemoryWorkbook({ tables: [customersTable()] });
    const { manifest, parts } = encodeStoredModel(
      { ...DEFAULT_MODEL, version: "2.0.0+weights", calibration: undefined },
      null,
      "2026-06-30",
    );
    wb.settings.set(MODEL_SETTING, manifest);
    wb.settings.set(modelPartSetting(0), parts[0]);
    const monitor = await reviewCustomers(wb);
    expect(screen.getByTestId("model-in-use").textContent).toMatch(/2\.0\.0\+weights/);
    expect(
      within(monitor).getByText("The model in use carries no score distribution of its calibration sample: no stability index."),
    ).toBeInTheDocument();
    expect(activePolicy().model.version).toBe("2.0.0+weights");
  });

  test("after a review in the pane, the monitor shows the index of the review's scores", async () => {
    const wb = createMemoryWorkbook({ tables: [customersTable(), historyTable()] });
    render(<App version="0.1.0" referenceUrl="https://example.com/functions.md" office={undefined} workbook={wb} progressDelayMs={0} />);
    await screen.findByText(/^In use: the shipped model/);
    expect(screen.queryByTestId("score-monitor")).toBeNull();
    const select = screen.getByRole("combobox", { name: "Customer table" });
    await waitFor(() => expect(within(select).getByRole("option", { name: /^Customers \(/ })).toBeInTheDocument());
    fireEvent.change(select, { target: { value: "Customers" } });
    await screen.findByRole("heading", { name: "Customer table columns" });
    fireEvent.change(screen.getByLabelText("As-of date"), { target: { value: AS_OF_ISO } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /^Review (portfolio|again)$/ }));
    });
    const monitor = await screen.findByTestId("score-monitor", {}, { timeout: 10_000 });
    expect(within(monitor).getByTestId("psi-value").textContent).toMatch(/against the calibration sample: \d+\.\d{3}$/);
    expect(within(monitor).getByText("Compared over 4 scored customers.")).toBeInTheDocument();
  });
});

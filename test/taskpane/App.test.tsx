import { act, fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { OfficeLike } from "../../src/excel/office-ready";

const REF = "https://creditsentinel.example.com/docs/functions.md";

/** A fake Office whose onReady the test resolves. */
function fakeOffice(displayLanguage: string) {
  let resolve!: (info: { host: unknown }) => void;
  const ready = new Promise<{ host: unknown }>((r) => (resolve = r));
  const office: OfficeLike = { onReady: () => ready, context: { displayLanguage } };
  return {
    office,
    answer: async (host: string | null) => {
      await act(async () => resolve({ host }));
    },
  };
}

describe("<App>", () => {
  test("renders name, version, description, formulas and the function reference link", () => {
    render(<App version="0.1.0" referenceUrl={REF} office={undefined} />);
    expect(screen.getByRole("heading", { level: 1, name: "CreditSentinel" })).toBeInTheDocument();
    expect(screen.getByTestId("app-version")).toHaveTextContent("Version 0.1.0");
    expect(screen.getByText(/no customer data leaves Excel/)).toBeInTheDocument();
    for (const id of ["CREDITSCORE", "CREDITLIMIT", "DSO", "DUNNINGSTAGE", "PAYBEHAVIOR", "AGING", "DSOINVOICES", "CEI", "EXPECTEDLOSS"])
      expect(screen.getByText(`RISK.${id}`)).toBeInTheDocument();
    const link = screen.getByRole("link", { name: "Function reference (opens in a new window)" });
    expect(link).toHaveAttribute("href", REF);
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", expect.stringContaining("noopener"));
    // office.js missing (e.g. CDN unreachable): the pane still renders and says so.
    expect(screen.getByRole("status")).toHaveTextContent("Office could not be loaded");
  });

  test("the language switch shows Chinese and back, and keeps <html lang> in step", () => {
    render(<App version="0.1.0" referenceUrl={REF} office={undefined} />);
    const group = screen.getByRole("radiogroup", { name: "Language" });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "English" })).toBeChecked();

    fireEvent.click(screen.getByRole("radio", { name: "中文" }));
    expect(screen.getByRole("radio", { name: "中文" })).toBeChecked();
    expect(screen.getByRole("heading", { level: 2, name: "公式" })).toBeInTheDocument();
    expect(screen.getByTestId("app-version")).toHaveTextContent("版本 0.1.0");
    expect(screen.getByRole("link", { name: /^函数参考\s?（在新窗口中打开）$/ })).toHaveAttribute("href", REF);
    expect(screen.getByRole("radiogroup", { name: "语言" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("zh-CN");

    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(screen.getByRole("heading", { level: 2, name: "Formulas" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en-US");
  });

  test("follows Office's display language once Office is ready", async () => {
    const f = fakeOffice("zh-CN");
    render(<App version="0.1.0" referenceUrl={REF} office={f.office} />);
    expect(screen.getByRole("status")).toHaveTextContent("Connecting to Excel");
    await f.answer("Excel");
    expect(screen.getByRole("heading", { level: 2, name: "公式" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("已连接 Excel。");
    expect(screen.getByRole("radio", { name: "中文" })).toBeChecked();
  });

  test("a language the user picked wins over Office's answer", async () => {
    const f = fakeOffice("en-US");
    render(<App version="0.1.0" referenceUrl={REF} office={f.office} />);
    fireEvent.click(screen.getByRole("radio", { name: "中文" }));
    await f.answer("Excel");
    expect(screen.getByRole("heading", { level: 2, name: "公式" })).toBeInTheDocument();
  });

  test("outside Office (host null) says it is a preview", async () => {
    const f = fakeOffice("en-US");
    render(<App version="0.1.0" referenceUrl={REF} office={f.office} />);
    await f.answer(null);
    expect(screen.getByRole("status")).toHaveTextContent("Not running inside Excel");
  });

  test("when Office never answers, the pane shows a timeout instead of hanging", async () => {
    const never: OfficeLike = { onReady: () => new Promise(() => undefined) };
    render(<App version="0.1.0" referenceUrl={REF} office={never} officeTimeoutMs={20} />);
    expect(await screen.findByText(/Excel has not answered yet/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "CreditSentinel" })).toBeInTheDocument();
  });
});

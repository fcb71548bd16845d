/**
 * Task-pane entry. The page (taskpane.html) is also the shared runtime of the
 * custom functions: functions.js is loaded first and this bundle depends on it.
 * Rendering never waits for Office: `App` shows a status line instead.
 *
 * `taskpane.html?mock=demo` (browser demo and e2e test, outside Office) swaps
 * in an in-memory workbook with a generated portfolio. Its code is a separate
 * chunk loaded only when the flag is present: the production path never pays
 * for it.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { todayIso } from "./format";
import { functionReferenceUrl } from "./i18n";
import { globalOffice } from "../excel/office-ready";
import type { WorkbookPort } from "../excel/port";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const render = (workbook?: WorkbookPort) =>
    root.render(
      <App version={__APP_VERSION__} referenceUrl={functionReferenceUrl(__SUPPORT_URL__)} office={globalOffice()} workbook={workbook} />,
    );
  render();
  const params = new URLSearchParams(window.location.search);
  if (params.get("mock") === "demo") {
    import(/* webpackChunkName: "mock-demo" */ "./services/demo-portfolio")
      .then((m) => {
        const workbook = m.demoWorkbookFromQuery(params, todayIso());
        (window as unknown as { __demoWorkbook?: unknown }).__demoWorkbook = workbook;
        render(workbook);
      })
      .catch(() => undefined);
  }
}

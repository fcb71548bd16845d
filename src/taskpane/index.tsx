/**
 * Task-pane entry. The page (taskpane.html) is also the shared runtime of the
 * custom functions: functions.js is loaded first and this bundle depends on it.
 * Rendering never waits for Office: `App` shows a status line instead.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { functionReferenceUrl } from "./i18n";
import { globalOffice } from "./office-ready";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <App version={__APP_VERSION__} referenceUrl={functionReferenceUrl(__SUPPORT_URL__)} office={globalOffice()} />,
  );
}

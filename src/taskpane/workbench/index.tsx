/**
 * Entry of workbench.html: the portfolio review without Excel, over a
 * workbook the user opens from disk. No office.js. The sample workbook and
 * exceljs are separate chunks, loaded when needed.
 */
import { createRoot } from "react-dom/client";
import { Workbench } from "./Workbench";

const loadSample = () => import(/* webpackChunkName: "workbench/sample" */ "./sample-bytes").then((m) => m.sampleBytes());

const container = document.getElementById("root");
if (container) {
  const params = new URLSearchParams(window.location.search);
  // ?sample=0 starts without a file.
  createRoot(container).render(<Workbench version={__APP_VERSION__} loadSample={params.get("sample") === "0" ? undefined : loadSample} />);
}

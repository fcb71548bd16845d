#!/usr/bin/env node
// `npm run workbench [-- --no-open]`
//
// Builds the workbench (the portfolio review without Excel) in development
// mode and serves it on http://127.0.0.1:3001/workbench.html (port: npm
// config workbench_port), then opens it in the browser when there is a
// desktop, and prints its URL. Keeps running (live reload) until Ctrl-C.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openInBrowser, waitForHttp, workbenchLines, workbenchUrl } from "./lib/workbench.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const port = Number(process.env.npm_package_config_workbench_port || pkg.config?.workbench_port || 3001);
const url = workbenchUrl(port);
const noOpen = process.argv.includes("--no-open");

const cliPkg = require.resolve("webpack-cli/package.json");
const cliBin = join(dirname(cliPkg), JSON.parse(readFileSync(cliPkg, "utf8")).bin["webpack-cli"]);
const child = spawn(process.execPath, [cliBin, "serve", "--mode", "development", "--env", "workbench"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, npm_package_config_workbench_port: String(port) },
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("error", (err) => {
  console.error(`Could not start webpack serve: ${err.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (stopping) process.exit(0);
  console.error(
    `The workbench server exited (${signal ?? `code ${code}`}). Is port ${port} already in use (npm start serves the workbench there too)?`,
  );
  process.exit(code || 1);
});

if (await waitForHttp(url, 180_000, () => stopping)) {
  const opened = !noOpen && openInBrowser(url);
  console.log(
    [
      "",
      "────────────────────────────────────────────────────────────────────────────",
      ...workbenchLines(url, { opened }),
      " Press Ctrl-C to stop.",
      "────────────────────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
} else if (!stopping) {
  console.error(`The workbench did not answer on ${url} within 3 minutes; see the webpack output above.`);
}

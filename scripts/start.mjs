#!/usr/bin/env node
// `npm start`
//
// Windows / macOS: `office-addin-debugging start manifest.xml` sideloads the
// add-in into Excel desktop (it starts the dev server itself via
// `npm run dev-server`; `npm stop` ends the session).
//
// Linux (no Excel desktop), or `npm start -- --web`, or when
// office-addin-debugging reports the platform unsupported: make sure the
// development certificates exist, run the webpack dev server on
// https://localhost:3000 and print how to sideload manifest.xml into Excel on
// the web. The same server answers on http://127.0.0.1:3001 (loopback only)
// for the workbench, the review without Excel: without Excel desktop it is
// opened in the browser (unless --no-open) and listed first, as the thing a
// user can see right away. Keeps running until Ctrl-C (or SIGTERM), then
// exits cleanly.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { get } from "node:https";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { caPath, ensureDevCerts } from "./lib/dev-certs.mjs";
import { openInBrowser, waitForHttp, workbenchLines, workbenchUrl } from "./lib/workbench.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const port = Number(process.env.npm_package_config_dev_server_port || pkg.config?.dev_server_port || 3000);
const manifest = join(root, "manifest.xml");
const pageUrl = `https://localhost:${port}/taskpane.html`;
const forceWeb = process.argv.includes("--web");
const noOpen = process.argv.includes("--no-open");
const hasExcelDesktop = process.platform === "win32" || process.platform === "darwin";
const workbench = workbenchUrl(Number(process.env.npm_package_config_workbench_port || pkg.config?.workbench_port || 3001));

/** Path of a package's CLI script, run with this node (no shell, works on every OS). */
function binOf(pkgName, binName) {
  const pkgJson = require.resolve(`${pkgName}/package.json`);
  const bin = JSON.parse(readFileSync(pkgJson, "utf8")).bin;
  return join(dirname(pkgJson), typeof bin === "string" ? bin : bin[binName]);
}

/** Runs office-addin-debugging; resolves with its exit code and whether it said the platform is unsupported. */
function sideloadDesktop() {
  return new Promise((done) => {
    const child = spawn(process.execPath, [binOf("office-addin-debugging", "office-addin-debugging"), "start", manifest], {
      cwd: root,
      stdio: ["inherit", "pipe", "pipe"],
    });
    let text = "";
    const echo = (stream, out) =>
      stream.on("data", (chunk) => {
        text += chunk;
        out.write(chunk);
      });
    echo(child.stdout, process.stdout);
    echo(child.stderr, process.stderr);
    child.on("error", (err) => done({ code: 1, unsupported: false, err }));
    child.on("exit", (code) => done({ code: code ?? 1, unsupported: /platform (is )?not supported/i.test(text) }));
  });
}

/** Polls the page until the dev server answers (TLS verified against the dev CA). */
function waitForServer(timeoutMs) {
  const ca = readFileSync(caPath);
  const deadline = Date.now() + timeoutMs;
  return new Promise((done) => {
    const attempt = () => {
      const req = get(pageUrl, { ca, timeout: 2000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) done(true);
        else retry();
      });
      req.on("timeout", () => req.destroy());
      req.on("error", retry);
    };
    const retry = () => (Date.now() > deadline ? done(false) : setTimeout(attempt, 500));
    attempt();
  });
}

function printWebInstructions(workbenchUp, opened) {
  const lines = [
    "",
    "────────────────────────────────────────────────────────────────────────────",
    ...(workbenchUp ? [...workbenchLines(workbench, { opened }), ""] : []),
    ` CreditSentinel dev server: ${pageUrl}`,
    " Press Ctrl-C to stop.",
    "",
    hasExcelDesktop
      ? " Sideload into Excel on the web:"
      : ` Excel desktop sideloading is not available on ${process.platform}. Sideload into Excel on the web:`,
    "",
    " 1. Trust the development CA once, so your browser accepts https://localhost:",
    `      ${caPath}`,
    "    Chrome/Edge on Linux:",
    `      certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${caPath}`,
    "      (or Settings > Privacy and security > Security > Manage certificates > Authorities > Import)",
    "    Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import",
    `    Check: ${pageUrl} must open in that browser without a certificate warning.`,
    " 2. Open a workbook in Excel on the web (https://excel.cloud.microsoft or office.com).",
    " 3. Home > Add-ins > More Add-ins (older menus: Insert > Add-ins > Office Add-ins),",
    "    then Upload My Add-in > Browse… > choose:",
    `      ${manifest}`,
    "    > Upload.",
    ' 4. The "CreditSentinel" button appears on the Home tab; try =RISK.DSO(212000, {70000;80000;100000}, 30, "countback")',
    "",
    " The browser running Excel must be on this machine: the manifest points to localhost.",
    " Production: ADDIN_BASE_URL=https://your.host/path/ npm run build → dist/ (upload dist/manifest.xml).",
    "────────────────────────────────────────────────────────────────────────────",
    "",
  ];
  console.log(lines.join("\n"));
}

async function serveForWeb() {
  await ensureDevCerts();
  const child = spawn(process.execPath, [binOf("webpack-cli", "webpack-cli"), "serve", "--mode", "development"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, npm_package_config_dev_server_port: String(port) },
  });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping the dev server (${signal})…`);
    // With Ctrl-C the terminal already signalled the whole process group; make sure anyway.
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("error", (err) => {
    console.error(`Could not start webpack serve: ${err.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (stopping) {
      console.log("Dev server stopped.");
      process.exit(0);
    }
    console.error(`The dev server exited (${signal ?? `code ${code}`}). Is port ${port} already in use?`);
    process.exit(code || 1);
  });

  if (await waitForServer(180_000)) {
    const workbenchUp = await waitForHttp(workbench, 10_000, () => stopping);
    // Without Excel desktop the workbench is what a user can see right away.
    const opened = workbenchUp && !hasExcelDesktop && !noOpen && openInBrowser(workbench);
    if (!stopping) printWebInstructions(workbenchUp, opened);
  } else if (!stopping) {
    console.error(`The dev server did not answer on ${pageUrl} within 3 minutes; see the webpack output above.`);
  }
}

if (hasExcelDesktop && !forceWeb) {
  const { code, unsupported, err } = await sideloadDesktop();
  if (err) console.error(`Could not run office-addin-debugging: ${err.message}`);
  if (!unsupported && !err) process.exit(code);
  console.log("Excel desktop sideloading is not available here; serving for Excel on the web instead.");
}
await serveForWeb();

// The workbench page for the start scripts: its URL, waiting for it to
// answer, opening it in the user's browser, and the lines that explain it.
//
// It is served over plain http on the loopback interface: it needs no Office
// (which is what requires https), so there is no certificate to trust; the
// browser treats http://127.0.0.1 as a secure context, and nothing outside
// this machine can reach the port.

import { spawn } from "node:child_process";
import { get } from "node:http";

/** The workbench's URL on the loopback port. */
export function workbenchUrl(port) {
  return `http://127.0.0.1:${port}/workbench.html`;
}

/** Polls `url` until it answers 200 (true) or `timeoutMs` passes (false). */
export function waitForHttp(url, timeoutMs, shouldStop = () => false) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done) => {
    const attempt = () => {
      if (shouldStop()) return done(false);
      const req = get(url, { timeout: 2000 }, (res) => {
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

/**
 * Opens `url` in the default browser when there is a desktop to show it on.
 * Returns true when it tried (errors are ignored: the URL is printed anyway).
 */
export function openInBrowser(url, { platform = process.platform, env = process.env } = {}) {
  let cmd;
  let args;
  if (platform === "win32") [cmd, args] = ["cmd", ["/c", "start", '""', url]];
  else if (platform === "darwin") [cmd, args] = ["open", [url]];
  else if (env.DISPLAY || env.WAYLAND_DISPLAY) [cmd, args] = ["xdg-open", [url]];
  else return false;
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true, windowsVerbatimArguments: platform === "win32" });
    child.on("error", () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** What the user reads about the workbench. */
export function workbenchLines(url, { opened }) {
  return [
    ` Without Excel (Linux, WPS, LibreOffice): the workbench${opened ? " (opened in your browser)" : ""}`,
    `   ${url}`,
    "   It opens a sample workbook: review it, explain a customer, write the risk",
    "   columns and download the scored workbook. Open your own .xlsx or .csv the",
    "   same way. Everything stays in the browser; no certificate to trust.",
  ];
}

/**
 * Headless Chromium for the e2e tests, with the no-network contract: office.js
 * (and its sibling files) are served from node_modules/@microsoft/office-js/dist
 * in place of Microsoft's CDN; loopback requests pass; every other request is
 * aborted and recorded so the test can assert there were none.
 */
import { existsSync } from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Route } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

/** Flags that keep Chromium from reaching the network by itself (see docs/toolchain notes). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * office.js itself opens a telemetry frame about 3 s after it loads outside
 * Office. It is aborted (never reaches the network) and is Microsoft's code,
 * not ours; every other non-loopback request fails the no-network checks.
 */
export const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/";

/** Requests our own code made off the machine (office.js telemetry excluded). */
export function ownRequests(blocked: readonly string[]): string[] {
  return blocked.filter((u) => !u.startsWith(OFFICE_TELEMETRY));
}

export interface Sandbox {
  context: BrowserContext;
  /** Non-loopback requests that were aborted. */
  blocked: string[];
  /** CDN files requested that node_modules does not have. */
  missing: string[];
}

/**
 * A fresh browser context routed as described above. With `cdnReachable:
 * false` the office.js CDN is aborted too (and not recorded as blocked), to
 * simulate an offline user.
 */
export async function sandbox(browser: Browser, { cdnReachable = true } = {}): Promise<Sandbox> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const blocked: string[] = [];
  const missing: string[] = [];
  await context.route("**/*", async (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      if (!cdnReachable) return route.abort("internetdisconnected");
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      const file = path.join(OFFICE_DIST, rel);
      if (file.startsWith(OFFICE_DIST + path.sep) && existsSync(file)) return route.fulfill({ path: file });
      missing.push(url);
      return route.fulfill({ status: 404, body: "" });
    }
    const { protocol, hostname } = new URL(url);
    if ((protocol === "http:" || protocol === "https:") && (hostname === "127.0.0.1" || hostname === "localhost")) {
      return route.continue();
    }
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return { context, blocked, missing };
}

/**
 * Office.onReady with a timeout.
 *
 * The task pane must render even when it is not inside Office (a browser
 * preview, the e2e test) or when office.js could not be loaded from the CDN:
 * then `Office` is undefined, or `Office.onReady()` never settles.
 */

/** Where the pane stands with Office. */
export type OfficeState =
  /** Waiting for Office.onReady. */
  | "pending"
  /** Office is ready and the pane runs inside an Office host. */
  | "ready"
  /** office.js loaded, but the page is not inside Office (host null). */
  | "outside"
  /** Office.onReady did not settle within the timeout (it may still do so later). */
  | "timeout"
  /** office.js is not loaded or onReady failed. */
  | "unavailable";

export interface OfficeStatus {
  state: OfficeState;
  /** Office host name, e.g. "Excel"; null outside Office. */
  host: string | null;
  /** Office display language tag, e.g. "zh-CN"; null when unknown. */
  displayLanguage: string | null;
}

/** The part of the global `Office` namespace the pane needs (lets tests pass a fake). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  context?: { displayLanguage?: string };
}

/** Milliseconds to wait for Office.onReady before showing the pane as not connected. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

export const PENDING: OfficeStatus = { state: "pending", host: null, displayLanguage: null };

/** The global `Office` when office.js is loaded; undefined otherwise. */
export function globalOffice(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

function readDisplayLanguage(office: OfficeLike): string | null {
  try {
    const lang = office.context?.displayLanguage;
    return typeof lang === "string" && lang !== "" ? lang : null;
  } catch {
    return null;
  }
}

/**
 * Watches Office readiness and reports every change through `onChange`:
 * "ready"/"outside" when onReady resolves, "unavailable" when office.js is
 * missing or onReady rejects, "timeout" after `timeoutMs` without an answer
 * (followed by "ready" if Office answers late). Returns a function that stops
 * watching (no further calls).
 *
 * @example watchOffice(globalOffice(), 5000, (s) => console.log(s.state));
 */
export function watchOffice(office: OfficeLike | undefined, timeoutMs: number, onChange: (status: OfficeStatus) => void): () => void {
  let active = true;
  let settled = false;
  const report = (status: OfficeStatus) => {
    if (active) onChange(status);
  };
  if (!office || typeof office.onReady !== "function") {
    report({ state: "unavailable", host: null, displayLanguage: null });
    return () => {
      active = false;
    };
  }
  const timer = setTimeout(() => {
    if (!settled) report({ state: "timeout", host: null, displayLanguage: null });
  }, timeoutMs);
  let ready: Promise<{ host: unknown }>;
  try {
    ready = Promise.resolve(office.onReady());
  } catch (e) {
    ready = Promise.reject(e);
  }
  ready.then(
    (info) => {
      settled = true;
      clearTimeout(timer);
      const host = info && typeof info.host === "string" ? info.host : null;
      report({ state: host ? "ready" : "outside", host, displayLanguage: readDisplayLanguage(office) });
    },
    () => {
      settled = true;
      clearTimeout(timer);
      report({ state: "unavailable", host: null, displayLanguage: null });
    },
  );
  return () => {
    active = false;
    clearTimeout(timer);
  };
}

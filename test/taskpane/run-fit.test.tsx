/**
 * The pane's fit runner (src/taskpane/calibrate/run-fit.ts) in jsdom: through
 * a Web Worker when the host has one (here a fake Worker that runs the real
 * worker side, fit-protocol.ts, and copies every message as the browser does),
 * and in the pane's own thread when it has none or the worker cannot start.
 */
import { deserialize, serialize } from "v8";
import { isEngineError, messageIn, valueError, type EngineError } from "../../src/engine/errors";
import { message } from "../../src/engine/messages";
import { DEFAULT_MODEL } from "../../src/engine/scoring/model";
import { FitProgress, fitHistory } from "../../src/engine/calibration/history-fit";
import { serveFitRequest, type FitReply, type FitRequest } from "../../src/taskpane/calibrate/fit-protocol";
import { FitRunner, runFit } from "../../src/taskpane/calibrate/run-fit";
import { syntheticHistory } from "../../bench/scoring";

/** The structured clone a postMessage makes (v8's serializer is the same algorithm). */
const copy = <T,>(x: T): T => deserialize(serialize(x)) as T;

type Behaviour = "real" | "throws" | "fails-to-load" | "hangs" | "crashes-midway" | "refuses-in-catalogue";

/** A stand-in for the browser's Worker: messages are copied and delivered on later tasks. */
class FakeWorker {
  static made: FakeWorker[] = [];
  static behaviour: Behaviour = "real";
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  requests: FitRequest[] = [];
  constructor(
    readonly url: string,
    readonly options?: WorkerOptions,
  ) {
    if (FakeWorker.behaviour === "throws") throw new DOMException("Workers are not allowed here", "SecurityError");
    FakeWorker.made.push(this);
  }
  private deliver(reply: FitReply): void {
    const data = copy(reply);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
    }, 0);
  }
  private fail(message: string): void {
    setTimeout(() => {
      if (!this.terminated) this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
    }, 0);
  }
  postMessage(req: FitRequest): void {
    this.requests.push(copy(req));
    const b = FakeWorker.behaviour;
    if (b === "fails-to-load") return this.fail("404 fit-worker.js");
    if (b === "hangs") return this.deliver({ type: "started" });
    if (b === "refuses-in-catalogue") {
      const e = valueError(message("label.noRows", { column: "Defaulted" }));
      return this.deliver({ type: "refused", code: e.code, message: e.message, msg: e.msg });
    }
    if (b === "crashes-midway") {
      this.deliver({ type: "started" });
      this.deliver({ type: "progress", done: 1, total: 7 });
      return this.fail("Uncaught RangeError: Array buffer allocation failed");
    }
    setTimeout(() => serveFitRequest(copy(req), (r) => this.deliver(r)), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const history = syntheticHistory(600, 3);
const opts = { stage: "weights" as const };
const g = globalThis as { Worker?: unknown };

async function run(signal = new AbortController().signal) {
  const progress: FitProgress[] = [];
  const runners: FitRunner[] = [];
  const res = await runFit(DEFAULT_MODEL, history, opts, "en", signal, (p) => progress.push(p), { onStart: (r) => runners.push(r) });
  return { res, progress, runners };
}

beforeEach(() => {
  FakeWorker.made = [];
  FakeWorker.behaviour = "real";
  g.Worker = FakeWorker;
});
afterAll(() => delete g.Worker);

describe("the fit in a Web Worker", () => {
  test("one request with the model, history and options; progress for every step; the same fit as the engine's; the worker ends", async () => {
    const { res, progress, runners } = await run();
    expect(runners).toEqual(["worker"]);
    expect(FakeWorker.made).toHaveLength(1);
    const w = FakeWorker.made[0];
    expect(w.options).toEqual({ name: "fit-worker" });
    expect(w.requests).toHaveLength(1);
    expect(w.requests[0]).toMatchObject({ type: "fit", opts, lang: "en" });
    expect(Array.from(w.requests[0].history.columns.roa!)).toEqual(Array.from(history.columns.roa!));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((done) => ({ done, total: 7 })));
    expect(JSON.stringify(res)).toBe(JSON.stringify(fitHistory(DEFAULT_MODEL, history, opts, "en")));
    expect(w.terminated).toBe(true);
  });

  test("Cancel terminates the worker at once and reports cancelled", async () => {
    FakeWorker.behaviour = "hangs";
    const ac = new AbortController();
    const pending = run(ac.signal);
    await new Promise((r) => setTimeout(r, 5));
    expect(FakeWorker.made[0].terminated).toBe(false);
    ac.abort();
    const { res } = await pending;
    expect(res).toBe("cancelled");
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  test("a stage the history cannot support: the engine's refusal, in the user's language, through the worker", async () => {
    const few = syntheticHistory(100, 3);
    const res = await runFit(DEFAULT_MODEL, few, { stage: "full" }, "zh", new AbortController().signal, () => undefined);
    expect(FakeWorker.made).toHaveLength(1);
    expect(isEngineError(res) && messageIn(res, "zh")).toMatch(/^完全重新拟合（分箱与权重）至少需要 100 个违约样本/);
  });

  test("an engine error from the worker keeps its catalogue message (a copied error loses it): shown in Chinese", async () => {
    FakeWorker.behaviour = "refuses-in-catalogue";
    const { res } = await run();
    expect(isEngineError(res) && messageIn(res, "zh")).toBe(
      "结果列“Defaulted”中没有任何一行可读为违约或正常（是/否、1/0、违约/正常、failed/alive）。",
    );
  });

  test("a worker that fails during the fit: a clear message in English and Chinese; nothing fitted; the worker ends", async () => {
    FakeWorker.behaviour = "crashes-midway";
    const { res, runners } = await run();
    expect(runners).toEqual(["worker"]);
    expect(isEngineError(res)).toBe(true);
    const e = res as EngineError;
    expect(messageIn(e, "en")).toBe(
      "The fit stopped: its background calculation failed (Uncaught RangeError: Array buffer allocation failed). Nothing was fitted or stored; try again, and if it fails again, use npm run calibrate on the same table.",
    );
    expect(messageIn(e, "zh")).toBe(
      "拟合已中止：后台计算出错（Uncaught RangeError: Array buffer allocation failed）。未拟合也未保存任何模型；请重试，如再次失败，可对同一表格使用 npm run calibrate。",
    );
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  test("an exception inside the worker's fit is posted as failed, not lost", () => {
    const replies: FitReply[] = [];
    serveFitRequest({ type: "fit", base: DEFAULT_MODEL, history: { ...history, label: null as never }, opts, lang: "en" }, (r) =>
      replies.push(r),
    );
    expect(replies[0]).toEqual({ type: "started" });
    expect(replies[replies.length - 1]).toMatchObject({ type: "failed" });
  });
});

describe("the fit in the pane's own thread (no worker)", () => {
  test("a host without Worker: in-thread steps, the same fit and progress", async () => {
    delete g.Worker;
    const { res, progress, runners } = await run();
    expect(runners).toEqual(["thread"]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((done) => ({ done, total: 7 })));
    expect(JSON.stringify(res)).toBe(JSON.stringify(fitHistory(DEFAULT_MODEL, history, opts, "en")));
  });

  test("a worker that cannot start (file:// page) or whose script fails to load: the fit runs here instead", async () => {
    for (const b of ["throws", "fails-to-load"] as const) {
      FakeWorker.behaviour = b;
      FakeWorker.made = [];
      const { res, runners } = await run();
      expect(runners).toEqual(["thread"]);
      expect(JSON.stringify(res)).toBe(JSON.stringify(fitHistory(DEFAULT_MODEL, history, opts, "en")));
      if (b === "fails-to-load") expect(FakeWorker.made[0].terminated).toBe(true);
    }
  });

  test("Cancel between two steps stops the in-thread fit", async () => {
    delete g.Worker;
    const ac = new AbortController();
    const progress: FitProgress[] = [];
    const res = await runFit(DEFAULT_MODEL, history, opts, "en", ac.signal, (p) => {
      progress.push(p);
      if (p.done === 2) ac.abort();
    });
    expect(res).toBe("cancelled");
    expect(progress.map((p) => p.done)).toEqual([1, 2]);
  });
});

import { OfficeLike, OfficeStatus, watchOffice } from "../../src/excel/office-ready";

/** A fake Office whose onReady settles when the test says so. */
function fakeOffice(displayLanguage?: string) {
  let resolve!: (info: { host: unknown }) => void;
  let reject!: (e: unknown) => void;
  const ready = new Promise<{ host: unknown }>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const office: OfficeLike = { onReady: () => ready, context: { displayLanguage } };
  return { office, resolve, reject };
}

const flush = () => new Promise<void>((r) => jest.requireActual<typeof import("timers")>("timers").setImmediate(r));

describe("watchOffice", () => {
  let seen: OfficeStatus[];
  const record = (s: OfficeStatus) => seen.push(s);
  beforeEach(() => {
    seen = [];
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  test("office.js not loaded → unavailable at once", () => {
    watchOffice(undefined, 5000, record);
    expect(seen).toEqual([{ state: "unavailable", host: null, displayLanguage: null }]);
  });

  test("inside Excel → ready with the host and display language", async () => {
    const f = fakeOffice("zh-CN");
    watchOffice(f.office, 5000, record);
    f.resolve({ host: "Excel" });
    await flush();
    expect(seen).toEqual([{ state: "ready", host: "Excel", displayLanguage: "zh-CN" }]);
  });

  test("office.js outside Office (host null) → outside", async () => {
    const f = fakeOffice();
    watchOffice(f.office, 5000, record);
    f.resolve({ host: null });
    await flush();
    expect(seen).toEqual([{ state: "outside", host: null, displayLanguage: null }]);
  });

  test("onReady never settles → timeout after the delay, and ready if Office answers late", async () => {
    const f = fakeOffice("en-US");
    watchOffice(f.office, 5000, record);
    jest.advanceTimersByTime(4999);
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual([{ state: "timeout", host: null, displayLanguage: null }]);
    f.resolve({ host: "Excel" });
    await flush();
    expect(seen.map((s) => s.state)).toEqual(["timeout", "ready"]);
  });

  test("an answer before the delay cancels the timeout", async () => {
    const f = fakeOffice();
    watchOffice(f.office, 5000, record);
    f.resolve({ host: "Excel" });
    await flush();
    jest.advanceTimersByTime(10_000);
    expect(seen.map((s) => s.state)).toEqual(["ready"]);
  });

  test("onReady rejecting or throwing → unavailable", async () => {
    const f = fakeOffice();
    watchOffice(f.office, 5000, record);
    f.reject(new Error("boom"));
    const throwing: OfficeLike = {
      onReady: () => {
        throw new Error("sync boom");
      },
    };
    watchOffice(throwing, 5000, record);
    await flush();
    expect(seen.map((s) => s.state)).toEqual(["unavailable", "unavailable"]);
  });

  test("a display language that cannot be read is null, not an exception", async () => {
    const office: OfficeLike = {
      onReady: () => Promise.resolve({ host: "Excel" }),
      get context(): { displayLanguage?: string } {
        throw new Error("not available");
      },
    };
    watchOffice(office, 5000, record);
    await flush();
    expect(seen).toEqual([{ state: "ready", host: "Excel", displayLanguage: null }]);
  });

  test("stopping the watch silences late answers and the timer", async () => {
    const f = fakeOffice();
    const stop = watchOffice(f.office, 5000, record);
    stop();
    jest.advanceTimersByTime(10_000);
    f.resolve({ host: "Excel" });
    await flush();
    expect(seen).toEqual([]);
  });
});

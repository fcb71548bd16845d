import { OfficeMockObject } from "office-addin-mock";
import {
  MAX_SETTING_BYTES,
  SETTING_KEYS,
  SettingTooLargeError,
  decodeSetting,
  deleteSetting,
  encodeSetting,
  getSetting,
  readSetting,
  setSetting,
} from "../../src/excel/settings";
import { FakeExcel } from "./fake-excel";

/** An office-addin-mock context whose settings hold `stored` under one key (or nothing). */
function mockContext(stored: unknown | undefined) {
  const added: [string, unknown][] = [];
  const asked: string[] = [];
  const ctx = new OfficeMockObject({
    workbook: {
      settings: {
        item: { value: stored ?? "" }, // office-addin-mock cannot hold null
        getItemOrNullObject(key: string) {
          asked.push(key);
          return this.item;
        },
        add(key: string, value: unknown) {
          added.push([key, value]);
        },
      },
    },
  }) as unknown as { workbook: { settings: { item: { isNullObject: boolean } } } };
  // isNullObject needs no load in office.js; set it on the mock directly.
  ctx.workbook.settings.item.isNullObject = stored === undefined;
  return { ctx: ctx as unknown as Excel.RequestContext, added, asked };
}

describe("settings envelope", () => {
  test("stored as JSON text with a version", () => {
    expect(encodeSetting("k", { a: 1 }, 3)).toBe('{"v":3,"data":{"a":1}}');
    expect(decodeSetting('{"v":3,"data":{"a":1}}')).toEqual({ version: 3, value: { a: 1 } });
    expect(decodeSetting({ v: 1, data: null })).toEqual({ version: 1, value: null });
  });
  test.each([["not json"], ['{"data":1}'], ['{"v":"1","data":1}'], [42], [null]])("foreign value %j decodes to null", (s) =>
    expect(decodeSetting(s)).toBeNull(),
  );
  test("over 1 MB of JSON is refused with a clear error", () => {
    const big = "x".repeat(MAX_SETTING_BYTES);
    expect(() => encodeSetting(SETTING_KEYS.policy, big, 1)).toThrow(SettingTooLargeError);
    expect(() => encodeSetting(SETTING_KEYS.policy, big, 1)).toThrow(
      `setting "CreditSentinel.policy" is 1000017 bytes of JSON; workbook settings hold at most 1000000 bytes per value`,
    );
    expect(() => encodeSetting("k", "é".repeat(499_990), 1)).not.toThrow(); // 999,980 + 17 bytes
    expect(() => encodeSetting("k", "é".repeat(500_000), 1)).toThrow(SettingTooLargeError); // counted in UTF-8 bytes
  });
  test("keys", () => {
    expect(SETTING_KEYS.mapping("Customers")).toBe("CreditSentinel.mapping.Customers");
    expect([SETTING_KEYS.policy, SETTING_KEYS.ownedBlocks, SETTING_KEYS.reportSheet]).toEqual([
      "CreditSentinel.policy",
      "CreditSentinel.ownedBlocks",
      "CreditSentinel.reportSheet",
    ]);
  });
});

describe("settings through office-addin-mock", () => {
  test("missing → null", async () => {
    const { ctx, asked } = mockContext(undefined);
    expect(await getSetting(ctx, SETTING_KEYS.policy, 1)).toBeNull();
    expect(asked).toEqual(["CreditSentinel.policy"]);
  });
  test("present at the asked version → the value; at another version → null", async () => {
    expect(await getSetting(mockContext('{"v":2,"data":{"maxLimit":5}}').ctx, SETTING_KEYS.policy, 2)).toEqual({ maxLimit: 5 });
    expect(await getSetting(mockContext('{"v":1,"data":{"maxLimit":5}}').ctx, SETTING_KEYS.policy, 2)).toBeNull();
    expect(await readSetting(mockContext('{"v":1,"data":[]}').ctx, "k")).toEqual({ version: 1, value: [] });
  });
  test("setSetting adds the JSON envelope; a too-large value adds nothing", async () => {
    const { ctx, added } = mockContext(undefined);
    await setSetting(ctx, SETTING_KEYS.mapping("T1"), { "Debt ratio": "debt_ratio" }, 1);
    expect(added).toEqual([["CreditSentinel.mapping.T1", '{"v":1,"data":{"Debt ratio":"debt_ratio"}}']]);
    await expect(setSetting(ctx, "k", "x".repeat(2_000_000), 1)).rejects.toThrow(SettingTooLargeError);
    expect(added).toHaveLength(1);
  });
});

describe("settings on the fake workbook", () => {
  test("round trip, overwrite, delete", async () => {
    const x = new FakeExcel();
    const ctx = x.context() as unknown as Excel.RequestContext;
    await setSetting(ctx, "k", { a: [1, 2] }, 1);
    expect(await getSetting(ctx, "k", 1)).toEqual({ a: [1, 2] });
    await setSetting(ctx, "k", "second", 2);
    expect(await getSetting(ctx, "k", 2)).toBe("second");
    await deleteSetting(ctx, "k");
    expect(await getSetting(ctx, "k", 2)).toBeNull();
    await deleteSetting(ctx, "k"); // no error when missing
    expect(x.settings.size).toBe(0);
  });
});

import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import {
  DEFAULT_DUNNING_LADDER,
  dunningStage,
  dunningStageCore,
  readLadder,
} from "../../../src/engine/receivables/dunning";

const code = (x: unknown) => (isEngineError(x) ? x.code : x);
const DUE = serialFromYmd(2026, 3, 1);

describe("default ladder (domain reference)", () => {
  const table: Array<[number, string, string, number]> = [
    [-30, "Not due", "未到期", 0],
    [-8, "Not due", "未到期", 0],
    [-7, "Reminder", "到期前提醒", 1],
    [0, "Reminder", "到期前提醒", 1],
    [2, "Reminder", "到期前提醒", 1],
    [3, "Formal notice", "正式催款通知", 2],
    [14, "Formal notice", "正式催款通知", 2],
    [15, "Legal escalation", "法律催收", 3],
    [29, "Legal escalation", "法律催收", 3],
    [30, "Insurance claim", "信用保险索赔", 4],
    [89, "Insurance claim", "信用保险索赔", 4],
    [90, "Collection agency", "移交催收机构", 5],
    [400, "Collection agency", "移交催收机构", 5],
  ];
  test.each(table)("%i days past due → %s / %s / %i", (dpd, en, zh, num) => {
    expect(dunningStageCore([[DUE]], [[DUE + dpd]], null, null, null, null, "en")).toEqual([[en]]);
    expect(dunningStageCore([[DUE]], [[DUE + dpd]], null, null, null, null, "zh")).toEqual([[zh]]);
    expect(dunningStageCore([[DUE]], [[DUE + dpd]], null, null, null, "number", "en")).toEqual([[num]]);
  });
  test("closed when outstanding ≤ 0 (number −1); blank outstanding = open", () => {
    const out = dunningStageCore([[DUE], [DUE], [DUE], [DUE]], DUE + 20, [[0], [-5], [""], [100]], null, null, null, "en");
    expect(out).toEqual([["Closed"], ["Closed"], ["Legal escalation"], ["Legal escalation"]]);
    expect(dunningStageCore([[DUE]], DUE + 20, [[0]], null, null, "number", "zh")).toEqual([[-1]]);
    expect(dunningStageCore([[DUE]], DUE + 20, [[0]], null, null, null, "zh")).toEqual([["已结清"]]);
  });
  test("disputed → On hold (disputed) / 争议暂停; number keeps the stage it is held at", () => {
    const flags = [[true], [1], ["yes"], ["是"], [false], [""], [0]];
    const due = flags.map(() => [DUE]);
    const out = dunningStageCore(due, DUE + 31, null, flags, null, null, "en");
    expect(out).toEqual([["On hold (disputed)"], ["On hold (disputed)"], ["On hold (disputed)"], ["On hold (disputed)"], ["Insurance claim"], ["Insurance claim"], ["Insurance claim"]]);
    expect(dunningStageCore([[DUE]], DUE + 31, null, [["是"]], null, null, "zh")).toEqual([["争议暂停"]]);
    expect(dunningStageCore([[DUE]], DUE + 31, null, [[true]], null, "number", "en")).toEqual([[4]]);
    // closed wins over disputed
    expect(dunningStageCore([[DUE]], DUE + 31, [[0]], [[true]], null, null, "en")).toEqual([["Closed"]]);
  });
  test("bad rows error alone", () => {
    const out = dunningStageCore([[DUE], ["2026-03-01"], [DUE], [DUE], [DUE]], DUE + 5, [[1], [1], ["abc"], [1], [1]], [[0], [0], [0], ["maybe"], [0]], null, null, "en") as unknown[][];
    expect(out[0][0]).toBe("Formal notice");
    expect(code(out[1][0])).toBe("VALUE");
    expect((out[1][0] as { message: string }).message).toMatch(/due_date/);
    expect(code(out[2][0])).toBe("VALUE");
    expect((out[3][0] as { message: string }).message).toMatch(/disputed/);
    expect(out[4][0]).toBe("Formal notice");
  });
  test("blank due date → blank result", () => {
    expect(dunningStageCore([[DUE], [""], [null], [0]], DUE + 3, null, null, null, null, "en")).toEqual([["Formal notice"], [""], [""], [""]]);
  });
  test("argument errors: mismatched lengths, unknown output", () => {
    expect(code(dunningStageCore([[DUE], [DUE]], [[DUE], [DUE], [DUE]], null, null, null, null, "en"))).toBe("VALUE");
    expect(code(dunningStageCore([[DUE]], [[DUE]], null, null, null, "colour", "en"))).toBe("VALUE");
    expect(code(dunningStageCore(null, [[DUE]], null, null, null, null, "en"))).toBe("VALUE");
  });
  test("as_of can be a column, due date a single cell; row in → row out", () => {
    expect(dunningStageCore(DUE, [[DUE - 10], [DUE + 3]], null, null, null, null, "en")).toEqual([["Not due"], ["Formal notice"]]);
    expect(dunningStageCore([[DUE - 10, DUE]], DUE + 3, null, null, null, "number", "en")).toEqual([[2, 2]]);
  });
});

describe("user ladders", () => {
  const ladder = [
    ["Days", "Stage", "Min open", "Grace"],
    [7, "Reminder letter", "", ""],
    [15, "Phone collection", 500, 2],
    [30, "Legal", 1000, ""],
  ];
  test("days, names, minimum open amount (checked on the open amount) and grace days", () => {
    const due = [[DUE], [DUE], [DUE], [DUE], [DUE], [DUE]];
    const asOf = [[DUE + 6], [DUE + 7], [DUE + 16], [DUE + 17], [DUE + 17], [DUE + 30]];
    const open = [[100], [100], [600], [600], [400], [400]];
    expect(dunningStageCore(due, asOf, open, null, ladder, null, "en")).toEqual([
      ["Not due"],
      ["Reminder letter"],
      ["Reminder letter"],
      ["Phone collection"],
      ["Reminder letter"],
      ["Reminder letter"],
    ]);
    expect(dunningStageCore([[DUE]], DUE + 45, [[5000]], null, ladder, "number", "zh")).toEqual([[3]]);
    // the minimum is checked on what is still open (partial payment)
    expect(dunningStageCore([[DUE]], DUE + 45, [[999]], null, ladder, null, "en")).toEqual([["Phone collection"]]);
  });
  test("without header row, 2 columns", () => {
    expect(dunningStageCore([[DUE]], DUE + 20, null, null, [[7, "R"], [15, "P"], [30, "L"]], null, "en")).toEqual([["P"]]);
  });
  test("invalid ladders are one error", () => {
    expect(code(readLadder([[7, "A"], [7, "B"]]))).toBe("VALUE");
    expect(code(readLadder([[15, "A"], [7, "B"]]))).toBe("VALUE");
    expect(code(readLadder([[7, ""]]))).toBe("VALUE");
    expect(code(readLadder([[7, "A", -1]]))).toBe("VALUE");
    expect(code(readLadder([[7]]))).toBe("VALUE");
    expect(code(readLadder([["Days", "Stage"]]))).toBe("VALUE");
    expect(code(dunningStageCore([[DUE]], DUE, null, null, [[15, "A"], [7, "B"]], null, "en"))).toBe("VALUE");
  });
  test("blank rows are skipped", () => {
    const l = readLadder([[7, "A"], ["", ""], [15, "B"]]);
    expect(isEngineError(l) ? l : l.levels.map((x) => x.fromDay)).toEqual([7, 15]);
  });
});

describe("dunning properties", () => {
  const ladderArb = fc
    .uniqueArray(fc.integer({ min: -30, max: 200 }), { minLength: 1, maxLength: 6 })
    .chain((days) =>
      fc.tuple(
        fc.constant([...days].sort((a, b) => a - b)),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: days.length, maxLength: days.length }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: days.length, maxLength: days.length }),
      ),
    )
    .map(([days, mins, graces]) => ({
      levels: days.map((d, k) => ({ fromDay: d, name: { en: `S${k}`, zh: `S${k}` }, minOpen: mins[k], graceDays: graces[k] })),
    }));
  test("the stage never moves earlier as the as-of date moves later", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(DEFAULT_DUNNING_LADDER), ladderArb),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: -100, max: 5000 })),
        fc.boolean(),
        (ladder, dpd, later, open, disputed) => {
          const a = dunningStage(dpd, open, disputed, ladder).stage;
          const b = dunningStage(dpd + later, open, disputed, ladder).stage;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});

import fc from "fast-check";
import { isEngineError } from "../../../src/engine/errors";
import { serialFromYmd } from "../../../src/engine/dates";
import { DEFAULT_DUNNING_LADDER, dunningStage, dunningStageCore, readLadder } from "../../../src/engine/receivables/dunning";

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
    expect(out).toEqual([
      ["On hold (disputed)"],
      ["On hold (disputed)"],
      ["On hold (disputed)"],
      ["On hold (disputed)"],
      ["Insurance claim"],
      ["Insurance claim"],
      ["Insurance claim"],
    ]);
    expect(dunningStageCore([[DUE]], DUE + 31, null, [["是"]], null, null, "zh")).toEqual([["争议暂停"]]);
    expect(dunningStageCore([[DUE]], DUE + 31, null, [[true]], null, "number", "en")).toEqual([[4]]);
    // closed wins over disputed
    expect(dunningStageCore([[DUE]], DUE + 31, [[0]], [[true]], null, null, "en")).toEqual([["Closed"]]);
  });
  test("bad rows error alone", () => {
    const out = dunningStageCore(
      [[DUE], ["2026-03-01"], [DUE], [DUE], [DUE]],
      DUE + 5,
      [[1], [1], ["abc"], [1], [1]],
      [[0], [0], [0], ["maybe"], [0]],
      null,
      null,
      "en",
    ) as unknown[][];
    expect(out[0][0]).toBe("Formal notice");
    expect(code(out[1][0])).toBe("VALUE");
    expect((out[1][0] as { message: string }).message).toMatch(/due_date/);
    expect(code(out[2][0])).toBe("VALUE");
    expect((out[3][0] as { message: string }).message).toMatch(/disputed/);
    expect(out[4][0]).toBe("Formal notice");
  });
  test("blank due date → blank result", () => {
    expect(dunningStageCore([[DUE], [""], [null], [0]], DUE + 3, null, null, null, null, "en")).toEqual([
      ["Formal notice"],
      [""],
      [""],
      [""],
    ]);
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
    expect(
      dunningStageCore(
        [[DUE]],
        DUE + 20,
        null,
        null,
        [
          [7, "R"],
          [15, "P"],
          [30, "L"],
        ],
        null,
        "en",
      ),
    ).toEqual([["P"]]);
  });
  test("invalid ladders are one error", () => {
    expect(
      code(
        readLadder([
          [7, "A"],
          [7, "B"],
        ]),
      ),
    ).toBe("VALUE");
    expect(
      code(
        readLadder([
          [15, "A"],
          [7, "B"],
        ]),
      ),
    ).toBe("VALUE");
    expect(code(readLadder([[7, ""]]))).toBe("VALUE");
    expect(code(readLadder([[7, "A", -1]]))).toBe("VALUE");
    expect(code(readLadder([[7]]))).toBe("VALUE");
    expect(code(readLadder([["Days", "Stage"]]))).toBe("VALUE");
    expect(
      code(
        dunningStageCore(
          [[DUE]],
          DUE,
          null,
          null,
          [
            [15, "A"],
            [7, "B"],
          ],
          null,
          "en",
        ),
      ),
    ).toBe("VALUE");
  });
  test("blank rows are skipped", () => {
    const l = readLadder([
      [7, "A"],
      ["", ""],
      [15, "B"],
    ]);
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

/** An engine error with this code and message (exact text, or a pattern for cell-reader wording). */
const err = (c: string, message: string | RegExp) =>
  expect.objectContaining({
    kind: "EngineError",
    code: c,
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });
const levelsOf = (l: unknown) =>
  isEngineError(l)
    ? l
    : (l as { levels: { fromDay: number; minOpen: number; graceDays: number }[] }).levels.map((x) => [x.fromDay, x.minOpen, x.graceDays]);

describe("dunning edges (what an analyst may type)", () => {
  test.each<[string, unknown, unknown]>([
    ["omitted → default ladder", null, levelsOf(DEFAULT_DUNNING_LADDER)],
    ["one blank cell → default ladder", [[""]], levelsOf(DEFAULT_DUNNING_LADDER)],
    // Excel desktop passes empty cells as 0: one empty cell, or blank rows of a larger selection
    ["one empty cell as Excel desktop passes it (0) → default ladder", [[0]], levelsOf(DEFAULT_DUNNING_LADDER)],
    [
      "blank rows of a larger selection on Excel desktop (0s) are skipped",
      [
        ["Days", "Stage", "Min open", "Grace"],
        [7, "A", 0, 0],
        [15, "B", 500, 2],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      [
        [7, 0, 0],
        [15, 500, 2],
      ],
    ],
    [
      "day 0 with a name is a real stage",
      [
        [0, "Due"],
        [10, "Late"],
      ],
      [
        [0, 0, 0],
        [10, 0, 0],
      ],
    ],
    ["days missing", [["", "A"]], err("VALUE", "ladder row 1: the days relative to the due date are missing.")],
    ["days not whole", [[7.5, "A"]], err("VALUE", "ladder row 1, days: 7.5 must be a whole number.")],
    [
      "days as text under a header",
      [
        ["Days", "Stage"],
        ["seven", "A"],
      ],
      err("VALUE", /^ladder row 2, days: expected a number but got text "seven"/),
    ],
    ["stage name a number", [[7, 1]], err("VALUE", "ladder row 1: the stage name must be non-empty text.")],
    ["negative grace days", [[7, "A", 0, -1]], err("VALUE", "ladder row 1, grace days: -1 is below the smallest allowed value 0.")],
    [
      "fractional grace days under a header",
      [
        ["Days", "Stage", "Min", "Grace"],
        [7, "A", 0, 1.5],
      ],
      err("VALUE", "ladder row 2, grace days: 1.5 must be a whole number."),
    ],
    ["negative minimum", [[7, "A", -1]], err("VALUE", "ladder row 1, minimum open amount: -1 is below the smallest allowed value 0.")],
    [
      "days not ascending",
      [
        [15, "A"],
        [7, "B"],
      ],
      err("VALUE", "ladder row 2: days 7 must be greater than the previous row's 15 (ladder days ascending)."),
    ],
    [
      "five columns",
      [[7, "A", 0, 1, 2]],
      err("VALUE", "ladder: expected 2 to 4 columns [days relative to due date, stage name, minimum open amount, grace days] but got 5."),
    ],
    ["only a header", [["Days", "Stage"]], err("VALUE", "ladder: the range holds no stages.")],
  ])("ladder: %s", (_what, arg, expected) => {
    expect(levelsOf(readLadder(arg))).toEqual(expected);
  });

  test("a ladder with desktop blank rows gives the stages of its real rows", () => {
    const ladder = [
      [7, "Reminder letter", 0, 0],
      [15, "Phone", 0, 0],
      [30, "Legal", 0, 0],
      [0, 0, 0, 0],
    ];
    expect(dunningStageCore([[DUE], [DUE]], [[DUE + 16], [DUE + 45]], null, null, ladder, null, "en")).toEqual([["Phone"], ["Legal"]]);
  });

  // due_date, as_of, outstanding, disputed, output → whole result
  test.each<[string, unknown[], unknown]>([
    [
      "as_of as text in one row",
      [[[DUE], [DUE]], [["2026-03-20"], [DUE + 20]], null, null, null],
      [
        [err("VALUE", 'as_of: text "2026-03-20" is not a date. Enter a real Excel date (e.g. with DATE() or DATEVALUE()).')],
        ["Legal escalation"],
      ],
    ],
    [
      "as_of blank in one row",
      [[[DUE], [DUE]], [[""], [DUE + 20]], null, null, null],
      [[err("VALUE", "as_of is required but the cell is empty.")], ["Legal escalation"]],
    ],
    ["disputed 2 is no flag", [[[DUE]], DUE + 20, null, 2, null], [[err("VALUE", /^disputed: 2 is not a yes\/no flag/)]]],
    [
      "outstanding as text with a thousands separator",
      [[[DUE]], DUE + 20, "1,000", null, null],
      [[err("VALUE", /^outstanding: text "1,000" is text, not a number/)]],
    ],
    ["output is case- and space-insensitive", [[[DUE]], DUE + 20, null, null, " NUMBER "], [[3]]],
    ["output as a 1×1 range", [[[DUE]], DUE + 20, null, null, [["Name"]]], [["Legal escalation"]]],
    ["a credit note (negative outstanding) is closed", [[[DUE]], DUE + 200, -50, null, "number"], [[-1]]],
    [
      "a due-date row against an as-of column of the same length pairs them",
      [[[DUE, DUE]], [[DUE - 8], [DUE + 90]], null, null, "number"],
      [[0, 5]],
    ],
  ])("%s", (_what, [due, asOf, open, disp, output], expected) => {
    expect(dunningStageCore(due, asOf, open, disp, null, output, "en")).toEqual(expected);
  });

  test.each<[string, unknown[], unknown]>([
    ["as_of omitted", [[[DUE]], null, null, null, null], err("VALUE", "as_of is required.")],
    [
      "outstanding a 2-D range",
      [
        [[DUE]],
        DUE,
        [
          [1, 2],
          [3, 4],
        ],
        null,
        null,
      ],
      err("VALUE", "outstanding: expected a single column or row, but got a range of 2 rows × 2 columns."),
    ],
    [
      "disputed a 2-D range",
      [
        [[DUE]],
        DUE,
        null,
        [
          [1, 0],
          [0, 1],
        ],
        null,
      ],
      err("VALUE", /^disputed: expected a single column or row/),
    ],
    ["output a number", [[[DUE]], DUE, null, null, 1], err("VALUE", 'output: expected one of "name", "number" but got 1.')],
    [
      "outstanding of another length",
      [[[DUE], [DUE]], DUE, [[1], [2], [3]], null, null],
      err("VALUE", "outstanding has 3 values but due_date has 2: ranges must be the same size (or a single cell)."),
    ],
  ])("one error for the call: %s", (_what, [due, asOf, open, disp, output], expected) => {
    expect(dunningStageCore(due, asOf, open, disp, null, output, "en")).toEqual(expected);
  });

  test("pure dunningStage uses the default ladder", () => {
    expect(dunningStage(20, 1000, false)).toEqual({ stage: 3, closed: false, onHold: false });
    expect(dunningStage(-10, null, true)).toEqual({ stage: 0, closed: false, onHold: true });
  });
});

describe("ladder: the empty cells of a larger selection", () => {
  test.each<[string, unknown, unknown]>([
    [
      "an empty fifth column (a selection one column too wide) is dropped",
      [
        [7, "A", 0, 1, 0],
        [15, "B", 500, 2, null],
      ],
      [
        [7, 0, 1],
        [15, 500, 2],
      ],
    ],
    [
      "empty minimum and grace columns, desktop zeros",
      [
        [7, "A", 0, 0, 0],
        [15, "B", 0, 0, 0],
      ],
      [
        [7, 0, 0],
        [15, 0, 0],
      ],
    ],
    [
      "empty rows above the header are skipped and the header is still found",
      [
        [0, 0, 0],
        [null, "", null],
        ["Days", "Stage", "Min open"],
        [7, "A", 100],
      ],
      [[7, 100, 0]],
    ],
    [
      "a fifth column with something in it is still too wide",
      [[7, "A", 0, 1, "x"]],
      err("VALUE", "ladder: expected 2 to 4 columns [days relative to due date, stage name, minimum open amount, grace days] but got 5."),
    ],
    ["ragged rows", [[7, "A"], [15]], err("VALUE", "ladder: the range is not rectangular: row 2 has 1 cell(s) but row 1 has 2.")],
    [
      "a stage name that is an Excel error",
      [[7, { code: "#REF!" }]],
      err("VALUE", "ladder row 1, stage name: the cell holds the error #REF!; correct that cell first."),
    ],
  ])("%s", (_what, arg, expected) => {
    expect(levelsOf(readLadder(arg))).toEqual(expected);
  });

  test("row numbers in messages count from the top of the range, empty rows included", () => {
    expect(
      levelsOf(
        readLadder([
          [0, 0],
          ["Days", "Stage"],
          [7, "A"],
          [3, "B"],
        ]),
      ),
    ).toEqual(err("VALUE", "ladder row 4: days 3 must be greater than the previous row's 7 (ladder days ascending)."));
  });
});

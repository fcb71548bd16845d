/**
 * The architecture rules hold for every file at any depth: each probe below is a file that does not exist,
 * linted with the project's ESLint config as if it did. A layer importing what it may not fails lint; the
 * allowed direction passes. (Remove a zone from eslint.config.mjs and the matching probe fails this test.)
 */
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

interface Probe {
  filePath: string;
  code: string;
  /** The rule that must fire, or null when the file must lint clean. */
  expect: string | null;
}

const ZONE = "import-x/no-restricted-paths";
const probes: Probe[] = [
  {
    filePath: "src/engine/scoring/probe.ts",
    code: 'import { strings } from "../../taskpane/i18n";\nexport const x = strings;\n',
    expect: ZONE,
  },
  {
    filePath: "src/engine/portfolio/deep/probe.ts",
    code: 'import { planWrite } from "../../../excel/write-columns";\nexport const x = planWrite;\n',
    expect: ZONE,
  },
  {
    filePath: "src/engine/receivables/probe.ts",
    code: 'import * as f from "../../functions/excel-errors";\nexport const x = f;\n',
    expect: ZONE,
  },
  { filePath: "src/excel/probe.ts", code: 'import { strings } from "../taskpane/i18n";\nexport const x = strings;\n', expect: ZONE },
  { filePath: "src/excel/probe2.ts", code: 'import * as f from "../functions/excel-errors";\nexport const x = f;\n', expect: ZONE },
  {
    filePath: "src/functions/probe.ts",
    code: 'import { planWrite } from "../excel/write-columns";\nexport const x = planWrite;\n',
    expect: ZONE,
  },
  { filePath: "scripts/probe.ts", code: 'import { strings } from "../src/taskpane/i18n";\nexport const x = strings;\n', expect: ZONE },
  {
    filePath: "scripts/probe2.ts",
    code: 'import { planWrite } from "../src/excel/write-columns";\nexport const x = planWrite;\n',
    expect: ZONE,
  },
  {
    filePath: "src/engine/scoring/probe-react.ts",
    code: 'import * as React from "react";\nexport const x = React;\n',
    expect: "no-restricted-imports",
  },
  {
    filePath: "src/engine/scoring/probe-office.ts",
    code: "export const x = () => Excel.run(async () => undefined);\n",
    expect: "no-restricted-globals",
  },
  { filePath: "src/engine/scoring/probe-clock.ts", code: "export const x = () => Date.now();\n", expect: "no-restricted-properties" },
  {
    filePath: "src/taskpane/probe-net.ts",
    code: 'export const x = () => fetch("https://example.com");\n',
    expect: "no-restricted-globals",
  },
  // Office.js globals only under src/excel (and Office in the functions' display-language reader).
  {
    filePath: "src/taskpane/review/probe-excel.tsx",
    code: "export const x = () => Excel.run(async () => undefined);\n",
    expect: "no-restricted-globals",
  },
  {
    filePath: "src/taskpane/probe-office.ts",
    code: "export const x = () => Office.context.displayLanguage;\n",
    expect: "no-restricted-globals",
  },
  {
    filePath: "src/functions/probe-office.ts",
    code: "export const x = () => Office.context.displayLanguage;\n",
    expect: "no-restricted-globals",
  },
  { filePath: "src/excel/probe-office-ok.ts", code: "export const x = () => Excel.run(async () => undefined);\n", expect: null },
  {
    filePath: "src/functions/probe-cf-ok.ts",
    code: "export const x = () => new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue);\n",
    expect: null,
  },
  // No import cycle in the engine: reasons.ts importing score.ts (which imports reasons.ts) fails. (The rule counts
  // value imports; the type reasons.ts needs lives in scoring/contribution.ts, so no type-only cycle is left either.)
  {
    filePath: "src/engine/scoring/reasons.ts",
    code: 'import { contributionsOf } from "./score";\nexport const x = contributionsOf;\n',
    expect: "import-x/no-cycle",
  },
  {
    filePath: "src/engine/portfolio/probe-cycle.ts",
    code: 'import { explainRow } from "./explain";\nexport const x = explainRow;\n',
    expect: null,
  },
  {
    filePath: "src/taskpane/probe-fn.ts",
    code: 'import { creditScore } from "../functions/functions";\nexport const x = creditScore;\n',
    expect: ZONE,
  },
  // The allowed directions lint clean (the pane may set the formulas' active policy, nothing else of src/functions).
  {
    filePath: "src/taskpane/calibrate/probe-ok.ts",
    code: 'import { setActiveModel } from "../../functions/active-policy";\nexport const x = setActiveModel;\n',
    expect: null,
  },
  { filePath: "src/engine/scoring/probe-ok.ts", code: 'import { isBlank } from "../cells";\nexport const x = isBlank;\n', expect: null },
  { filePath: "src/excel/probe-ok.ts", code: 'import { isBlank } from "../engine/cells";\nexport const x = isBlank;\n', expect: null },
  {
    filePath: "src/taskpane/probe-ok.ts",
    code: 'import { planWrite } from "../excel/write-columns";\nexport const x = planWrite;\n',
    expect: null,
  },
];

function lint(list: Probe[]): { filePath: string; rules: string[] }[] {
  const input = JSON.stringify(list.map((p) => ({ filePath: path.join(ROOT, p.filePath), code: p.code })));
  const out = execFileSync(process.execPath, [path.join(__dirname, "lint-probes.mjs")], { cwd: ROOT, input, encoding: "utf8" });
  return JSON.parse(out);
}

describe("architecture rules (ESLint)", () => {
  const results = lint(probes);
  test.each(probes.map((p, i) => [p.filePath, p.expect, i] as const))("%s → %s", (_file, expected, i) => {
    const rules = results[i].rules;
    if (expected === null) expect(rules).toEqual([]);
    else expect(rules).toContain(expected);
  });
});

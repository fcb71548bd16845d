import { readFileSync, existsSync } from "node:fs";
import { FUNCTION_SPECS } from "../../src/engine/specs";
import { join } from "node:path";
import help from "../../src/functions/help.zh-CN.json";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctions } = require("../../scripts/build/localize-functions.js");

/** The parameter names of every custom function, from their one declaration (src/engine/specs.ts). */
function declaredFunctions(): Record<string, string[]> {
  return Object.fromEntries(FUNCTION_SPECS.map((f) => [f.id, f.params.map((p) => p.name)]));
}

describe("zh-CN function help", () => {
  const declared = declaredFunctions();
  const metadata = {
    functions: Object.entries(declared).map(([id, params]) => ({
      id,
      name: id,
      description: "en",
      parameters: params.map((name) => ({ name, description: "en" })),
    })),
  };

  it("every function and every parameter has Chinese help, and nothing else", () => {
    expect(Object.keys(declared).length).toBeGreaterThanOrEqual(9);
    const { problems } = localizeFunctions(metadata, help);
    expect(problems).toEqual([]);
  });

  it("gives each function's parameter help in the order the spec declares them", () => {
    for (const [id, params] of Object.entries(declared)) {
      expect([id, Object.keys((help as Record<string, { parameters: Record<string, string> }>)[id].parameters)]).toEqual([id, params]);
    }
  });

  it("keeps ids and names, translates descriptions", () => {
    const { metadata: zh } = localizeFunctions(metadata, help);
    const f = zh.functions.find((x: { id: string }) => x.id === "DSO");
    expect(f.name).toBe("DSO");
    expect(f.description).toMatch(/应收账款周转天数/);
    expect(f.parameters.map((p: { name: string }) => p.name)).toEqual(declared.DSO);
  });

  it("reports a missing translation", () => {
    const { problems } = localizeFunctions({ functions: [{ id: "NEWFN", name: "NEWFN", parameters: [] }] }, help);
    expect(problems).toContain("no translation for function NEWFN");
  });

  it("the production build ships functions.zh-CN.json when it has been built", () => {
    const built = join(__dirname, "../../dist/functions.zh-CN.json");
    if (!existsSync(join(__dirname, "../../dist/functions.json"))) return; // unit runs without a build; e2e covers dist
    const zh = JSON.parse(readFileSync(built, "utf8"));
    expect(zh.functions.map((f: { id: string }) => f.id).sort()).toEqual(Object.keys(declared).sort());
  });
});

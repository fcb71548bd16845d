/**
 * The metadata Excel reads (functions.json) is generated from the JSDoc in
 * src/functions/functions.ts. Function ids and parameter names are a contract
 * with saved workbooks, so pin them here, generated exactly as the build does.
 */
import { join } from "node:path";
import { FUNCTION_SPECS } from "../../src/engine/specs";
import { excelDimensionality } from "../../src/engine/spec";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

interface Param {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  parameters: Param[];
  result: { dimensionality?: string };
}

let functions: Fn[];
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([join(__dirname, "../../src/functions/functions.ts")], true);
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
}, 60_000);

/**
 * What each function's metadata must be, from the one declaration of its parameters (src/engine/specs.ts):
 * name, Excel dimensionality (an enum option is a plain value, every other argument a range) and optionality.
 */
const expected: Record<string, Array<[string, "matrix" | "scalar", boolean]>> = Object.fromEntries(
  FUNCTION_SPECS.map((f) => [
    f.id,
    f.params.map((p): [string, "matrix" | "scalar", boolean] => [p.name, excelDimensionality(p), Boolean(p.optional)]),
  ]),
);

/** The shipped function ids: permanent, saved workbooks use them. */
const SHIPPED_IDS = ["AGING", "CEI", "CREDITLIMIT", "CREDITSCORE", "DSO", "DSOINVOICES", "DUNNINGSTAGE", "EXPECTEDLOSS", "PAYBEHAVIOR"];

describe("generated functions.json", () => {
  it("holds exactly the shipped function ids, named as users type them", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(SHIPPED_IDS);
    expect(Object.keys(expected).sort()).toEqual(SHIPPED_IDS);
    for (const f of functions) expect(f.name).toBe(f.id);
  });
  it.each(Object.entries(expected))("%s has its parameter names, ranges and optionality, and spills a matrix", (id, params) => {
    const f = functions.find((x) => x.id === id)!;
    expect(f.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", Boolean(p.optional)])).toEqual(params);
    expect(f.result.dimensionality).toBe("matrix");
  });
  it("declares no volatile or streaming function (results must be stable and shareable)", () => {
    for (const f of functions as unknown as Array<{ options?: { volatile?: boolean; stream?: boolean } }>) {
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
    }
  });
});

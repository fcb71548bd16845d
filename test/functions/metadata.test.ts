/**
 * The metadata Excel reads (functions.json) is generated from the JSDoc in
 * src/functions/functions.ts. Function ids and parameter names are a contract
 * with saved workbooks, so pin them here, generated exactly as the build does.
 */
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

interface Param { name: string; dimensionality?: string; optional?: boolean }
interface Fn { id: string; name: string; parameters: Param[]; result: { dimensionality?: string } }

let functions: Fn[];
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([join(__dirname, "../../src/functions/functions.ts")], true);
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
}, 60_000);

const expected: Record<string, Array<[string, "matrix" | "scalar", boolean]>> = {
  CREDITSCORE: [["values", "matrix", false], ["labels", "matrix", true], ["output", "scalar", true]],
  CREDITLIMIT: [["score", "matrix", false], ["net_worth", "matrix", false], ["annual_sales", "matrix", false], ["terms_days", "matrix", true], ["requested", "matrix", true], ["relationship_months", "matrix", true], ["output", "scalar", true]],
  DSO: [["receivables", "matrix", false], ["credit_sales", "matrix", false], ["days_in_period", "matrix", true], ["method", "scalar", true]],
  DUNNINGSTAGE: [["due_date", "matrix", false], ["as_of", "matrix", false], ["outstanding", "matrix", true], ["disputed", "matrix", true], ["ladder", "matrix", true], ["output", "scalar", true]],
  CEI: [["begin_ar", "matrix", false], ["credit_sales", "matrix", false], ["end_ar", "matrix", false], ["end_current_ar", "matrix", false], ["months", "matrix", true], ["convention", "scalar", true]],
  DSOINVOICES: [["invoice_dates", "matrix", false], ["due_dates", "matrix", false], ["paid_dates", "matrix", false], ["amounts", "matrix", false], ["as_of", "matrix", false], ["method", "scalar", true], ["period_days", "matrix", true], ["open_amounts", "matrix", true], ["customer_ids", "matrix", true]],
  AGING: [["due_dates", "matrix", false], ["as_of", "matrix", false], ["amounts", "matrix", true], ["buckets", "matrix", true]],
  PAYBEHAVIOR: [["customer_ids", "matrix", false], ["invoice_dates", "matrix", false], ["due_dates", "matrix", false], ["paid_dates", "matrix", false], ["amounts", "matrix", false], ["as_of", "matrix", false], ["open_amounts", "matrix", true]],
  EXPECTEDLOSS: [["exposure", "matrix", false], ["pd", "matrix", false], ["lgd", "matrix", true], ["insured_share", "matrix", true], ["insured_limit", "matrix", true]],
};

describe("generated functions.json", () => {
  it("holds exactly the shipped function ids, named as users type them", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(expected).sort());
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

/**
 * Calls made to the associated custom functions of the production bundle in
 * headless Chromium (see addin.test.ts). Arguments are given exactly as Excel
 * passes them: a range is a matrix (rows of cells), an omitted optional
 * argument is null. Add a row to cover a new worked example.
 */

/** An Excel error cell: its code and, optionally, words its message must contain. */
export interface ExpectedError {
  error: "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";
  messageIncludes?: string;
}
export type ExpectedCell = number | string | boolean | ExpectedError;

export interface FunctionCase {
  /** Function id as in functions.json (users type RISK.<id>). */
  id: string;
  /** Where the expected value comes from. */
  note: string;
  args: unknown[];
  /** The whole result: a matrix for spilling functions, else a single value. */
  expected: ExpectedCell | ExpectedCell[][];
  /** Numbers must match to this many decimals (default 6). */
  digits?: number;
}

export const FUNCTION_CASES: FunctionCase[] = [
  {
    id: "DSO",
    note: "domain reference, countback: AR 212,000; monthly sales 70k/80k/100k (newest last), 30-day months → 30 + 30 + 32/70 × 30 = 73.7 days",
    args: [[[212000]], [[70000], [80000], [100000]], [[30]], "countback"],
    expected: [[73.714]],
    digits: 3,
  },
  {
    id: "DSO",
    note: "domain reference, standard: AR 15,000 ÷ sales 10,000 × 30 days = 45 days",
    args: [[[15000]], [[10000]], [[30]], null],
    expected: [[45]],
  },
  {
    id: "DSO",
    note: "domain reference, ADD: DSO 45 − best possible 12 (current AR 4,000) = 33 days",
    args: [[[15000, 4000]], [[10000]], [[30]], "add"],
    expected: [[33]],
  },
  {
    id: "DSO",
    note: "issue 2: text where a number is needed is #VALUE! naming the argument, never 0",
    args: [[["1,234"]], [[10000]], [[30]], null],
    expected: [[{ error: "#VALUE!", messageIncludes: "receivables" }]],
  },
];

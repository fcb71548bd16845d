/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides,
 * with the same shape: `new CustomFunctions.Error(code, message?)` and the
 * ErrorCode values Excel shows.
 */
class FakeCustomFunctionError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: FakeCustomFunctionError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};
export type ExcelErrorLike = { code: string; message?: string };
export function isExcelError(x: unknown): x is ExcelErrorLike {
  return x instanceof FakeCustomFunctionError;
}

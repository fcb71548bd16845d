/**
 * The one place where engine results become Excel values.
 *
 * - EngineError → CustomFunctions.Error with the matching code. Excel shows a
 *   custom message only for #VALUE! and #N/A, so #DIV/0! and #NUM! drop it.
 * - null/undefined → "" (a returned null shows as 0 in Excel).
 * - Anything thrown by an adapter becomes #VALUE! with a message instead of an
 *   uncaught exception (which Excel shows as #VALUE! with no hint) or a promise
 *   that never settles.
 */
import { EngineError, isEngineError, Result } from "../engine/errors";
import { Spill, SpillCell } from "../engine/spill";

type ExcelValue = number | string | boolean | CustomFunctions.Error;

function toExcelError(e: EngineError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (e.code) {
    case "VALUE":
      return new CustomFunctions.Error(codes.invalidValue, e.message);
    case "NA":
      return new CustomFunctions.Error(codes.notAvailable, e.message);
    case "DIV0":
      return new CustomFunctions.Error(codes.divisionByZero);
    case "NUM":
      return new CustomFunctions.Error(codes.invalidNumber);
  }
}

/** One engine cell as an Excel value. */
export function toExcelCell(cell: SpillCell): ExcelValue {
  if (cell === null || cell === undefined) return "";
  if (isEngineError(cell)) return toExcelError(cell);
  if (typeof cell === "number" && !Number.isFinite(cell)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
  return cell;
}

/** A whole engine result (a spill, or one error for the whole call) as a matrix for Excel. */
export function toExcelSpill(result: Result<Spill>): ExcelValue[][] {
  if (isEngineError(result)) return [[toExcelError(result)]];
  if (result.length === 0) return [[""]];
  return result.map((row) => row.map(toExcelCell));
}

/**
 * Runs an adapter body; an unexpected exception becomes one #VALUE! cell with
 * the reason, so Excel never sees a throw from our code.
 */
export function guard(name: string, body: () => Result<Spill>): ExcelValue[][] {
  try {
    return toExcelSpill(body());
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${name}: internal error (${reason}). Please report it.`)]];
  }
}

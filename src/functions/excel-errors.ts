/**
 * The one place where engine results become Excel values.
 *
 * - EngineError → CustomFunctions.Error with the matching code. Excel shows a
 *   custom message only for #VALUE! and #N/A, so #DIV/0! and #NUM! drop it.
 *   The message is rendered from the catalogue in Office's display language
 *   (Chinese under a Chinese Office, English otherwise).
 * - null/undefined → "" (a returned null shows as 0 in Excel).
 * - −0 → 0 (no result shows or compares as "-0"); NaN/±Infinity → #NUM!.
 * - Text longer than Excel's 32,767-character cell limit → #VALUE! saying so.
 * - Anything else that is no Excel value → #VALUE! (a bug, reported as such).
 * - Anything thrown by an adapter becomes #VALUE! with a message instead of an
 *   uncaught exception (which Excel shows as #VALUE! with no hint) or a promise
 *   that never settles.
 */
import { EngineError, isEngineError, messageIn, Result } from "../engine/errors";
import { message, renderMessage } from "../engine/messages";
import { displayLang } from "./display-language";
import { Spill, SpillCell } from "../engine/spill";

type ExcelValue = number | string | boolean | CustomFunctions.Error;

function toExcelError(e: EngineError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  switch (e.code) {
    case "VALUE":
      return new CustomFunctions.Error(codes.invalidValue, messageIn(e, displayLang()));
    case "NA":
      return new CustomFunctions.Error(codes.notAvailable, messageIn(e, displayLang()));
    case "DIV0":
      return new CustomFunctions.Error(codes.divisionByZero);
    case "NUM":
      return new CustomFunctions.Error(codes.invalidNumber);
  }
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

/** One engine cell as an Excel value. */
export function toExcelCell(cell: SpillCell): ExcelValue {
  switch (typeof cell) {
    case "number":
      if (!Number.isFinite(cell)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
      return cell === 0 ? 0 : cell; // −0 → 0
    case "string":
      if (cell.length > MAX_CELL_TEXT) {
        return new CustomFunctions.Error(
          CustomFunctions.ErrorCode.invalidValue,
          renderMessage(message("excel.tooLong", { length: cell.length, max: MAX_CELL_TEXT }), displayLang()),
        );
      }
      return cell;
    case "boolean":
      return cell;
    case "undefined":
      return "";
  }
  if (cell === null) return "";
  if (isEngineError(cell)) return toExcelError(cell);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, renderMessage(message("excel.badValue"), displayLang()));
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
    return [
      [
        new CustomFunctions.Error(
          CustomFunctions.ErrorCode.invalidValue,
          renderMessage(message("excel.internal", { fn: name, reason }), displayLang()),
        ),
      ],
    ];
  }
}

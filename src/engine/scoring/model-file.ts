/**
 * Reading a scorecard model from JSON text: the one place where a model from
 * outside the bundle is checked, for the CLI (`--model <file>`) and for the
 * model stored in a workbook. Errors are values with a catalogue message
 * (English and Chinese).
 */
import { EngineError, Result, valueError } from "../errors";
import { message } from "../messages";
import { ScorecardModel, validateModel } from "./model";

/** Checks an already-parsed model; `what` names it in the message (a file name, "the stored model"). */
export function checkModel(model: unknown, what: string): Result<ScorecardModel> {
  const bad: EngineError | null = validateModel(model);
  return bad ? valueError(message("model.invalid", { what, detail: bad.msg ?? bad.message })) : (model as ScorecardModel);
}

/**
 * Parses and checks a model JSON text.
 * @example parseModelJson(readFileSync(file, "utf8"), file)
 */
export function parseModelJson(text: string, what: string): Result<ScorecardModel> {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch (e) {
    return valueError(message("model.notJson", { what, detail: (e as Error).message }));
  }
  return checkModel(model, what);
}

/**
 * Every RISK.* formula's parameters, declared once (see `spec.ts`): name, shape, kind, optional, default,
 * rules and choices, in the order of the formula. Each spec lives next to its formula's core, which reads its
 * arguments from it (`runRows` for row-wise formulas, `readCall` for the once-per-call arguments of the others);
 * this file lists them.
 *
 * The generated Excel metadata (from the JSDoc in src/functions/functions.ts) and the Chinese help
 * (src/functions/help.zh-CN.json) are checked against these specs by test/functions/metadata.test.ts and
 * test/functions/localized-help.test.ts: a parameter renamed, added, reordered or left untranslated fails there.
 */
import type { FunctionSpec } from "./spec";
import { CREDITSCORE_SPEC } from "./scoring/creditscore";
import { CREDITLIMIT_SPEC } from "./limit/creditlimit";
import { DSO_SPEC } from "./receivables/dso";
import { DUNNINGSTAGE_SPEC } from "./receivables/dunning";
import { CEI_SPEC } from "./receivables/cei";
import { DSOINVOICES_SPEC } from "./receivables/dso-invoices";
import { PAYBEHAVIOR_SPEC } from "./receivables/pay-behavior";
import { AGING_SPEC } from "./receivables/aging";
import { EXPECTEDLOSS_SPEC } from "./receivables/expected-loss";

/** Every shipped formula, by id. */
export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  CREDITSCORE_SPEC,
  CREDITLIMIT_SPEC,
  DSO_SPEC,
  DUNNINGSTAGE_SPEC,
  CEI_SPEC,
  DSOINVOICES_SPEC,
  AGING_SPEC,
  PAYBEHAVIOR_SPEC,
  EXPECTEDLOSS_SPEC,
];

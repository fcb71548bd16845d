/** The Chinese catalogue: the same ids and arguments as en.ts, worded for Chinese users. */
import type { Entry } from "./types";
import type { MessageId } from "./en";
import { INPUT_ZH } from "./input.zh";
import { RECEIVABLES_ZH } from "./receivables.zh";
import { CREDIT_ZH } from "./credit.zh";
import { CLI_ZH } from "./cli.zh";

export const ZH: Record<MessageId, Entry> = {
  "legacy.text": (a) => String(a.text),
  "at.row": (a, w) => `第 ${a.row} 行：${w.msg(a.cause)}`,
  ...INPUT_ZH,
  ...RECEIVABLES_ZH,
  ...CREDIT_ZH,
  ...CLI_ZH,
};

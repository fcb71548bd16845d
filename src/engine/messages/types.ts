/**
 * Messages as values: a code (`id`) and its arguments, rendered in a language only where a user reads them
 * (the formula's error, the pane, the CLI). The texts live once, in the English and Chinese catalogues
 * (`en.ts`, `zh.ts`, which spread the area files `*.en.ts` / `*.zh.ts`); the compiler holds them to the same
 * ids and a test to the same arguments.
 */
import type { Lang } from "../lang";

/** One argument of a message: plain data, a cell as the user gave it, another message, or a list of them. */
export type MessageArg = string | number | boolean | null | undefined | Message | CellArg | readonly MessageArg[];

/** A cell value quoted in a message ("text "1,234"", "a logical value (TRUE)"), described in the reader's language. */
export interface CellArg {
  readonly kind: "cell";
  readonly value: unknown;
}

export interface Message {
  readonly kind: "message";
  readonly id: string;
  readonly args: Readonly<Record<string, MessageArg>>;
}

/** What a catalogue entry may use to word its arguments in its own language. */
export interface Wording {
  readonly lang: Lang;
  /** A nested message, rendered in the same language (plain text passes through). */
  msg(m: MessageArg): string;
  /** A cell value as the reader should see it quoted. */
  cell(value: unknown): string;
  /** A list joined the way the language joins lists ("a, b and c" / "a、b 和 c"). */
  list(items: readonly MessageArg[]): string;
  /** The raw value of a cell argument (to choose words by its type). */
  raw(value: unknown): unknown;
}

/**
 * One entry: the text of a message from its arguments. Arguments that are messages arrive already rendered
 * in the entry's language (as text); cells and lists arrive as given, for `w.cell` and `w.list`.
 */
export type Entry = (args: Readonly<Record<string, MessageArg>>, w: Wording) => string;

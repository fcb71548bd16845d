/**
 * "Go to" of a data problem: a button that selects the problem's cell (or
 * row) in the sheet through the WorkbookPort. Its text names the cell
 * ("Go to F8", "Go to row 12"); its accessible name adds the sheet ("Go to F8
 * on sheet Customers"), starting with the visible text. When the sheet is
 * gone (renamed or deleted since the review) it says so next to the button.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { SheetLocation } from "../../engine/portfolio/place";
import type { ReviewStrings } from "../i18n";
import type { IoResult } from "../../excel/port";

/** Selects a location in the sheet (the port's `selectCell`). */
export type GoToHandler = (at: SheetLocation) => Promise<IoResult<void>>;

const useStyles = makeStyles({
  button: {
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    marginLeft: tokens.spacingHorizontalXS,
    verticalAlign: "baseline",
  },
  failed: { color: tokens.colorPaletteRedForeground1, marginLeft: tokens.spacingHorizontalXS },
});

/** Visible text and accessible name of the "Go to" button of `at`. */
export function goToLabels(at: SheetLocation, t: ReviewStrings): { text: string; name: string } {
  const p = t.problems;
  const text = at.cell !== null ? p.goToCell(at.cell) : p.goToRow(String(at.row + 1));
  return { text, name: at.sheetName ? p.goToOnSheet(text, at.sheetName) : text };
}

export function GoToButton({ at, t, onGoTo }: { at: SheetLocation; t: ReviewStrings; onGoTo: GoToHandler }) {
  const s = useStyles();
  const [failed, setFailed] = useState<string | null>(null);
  const { text, name } = goToLabels(at, t);
  async function go() {
    setFailed(null);
    let why: string;
    try {
      const r = await onGoTo(at);
      if (r.ok) return;
      why = t.io[r.error.code];
    } catch (e) {
      why = e instanceof Error ? e.message : String(e);
    }
    setFailed(t.problems.goToFailed(at.address, why));
  }
  return (
    <>
      <Button size="small" appearance="transparent" className={s.button} aria-label={name} title={at.address} onClick={() => void go()}>
        {text}
      </Button>
      {failed ? (
        <Text size={200} role="alert" className={s.failed}>
          {failed}
        </Text>
      ) : null}
    </>
  );
}

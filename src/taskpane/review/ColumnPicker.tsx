/**
 * "Columns": a toggle that shows a group of checkboxes to show or hide the
 * customer list's columns, in place (no menu popup: it wraps at any width
 * and costs the bundle nothing beyond Checkbox).
 */
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { ListColumnId, ReviewStrings } from "../i18n";
import { OPTIONAL_COLUMNS } from "./list-view";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    border: "none",
    flexBasis: "100%",
  },
  legend: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

export function ColumnPicker({
  columns,
  onChange,
  t,
}: {
  columns: readonly ListColumnId[];
  onChange: (c: ListColumnId[]) => void;
  t: ReviewStrings;
}) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = (c: ListColumnId, on: boolean) => onChange(OPTIONAL_COLUMNS.filter((x) => (x === c ? on : columns.includes(x))));
  return (
    <>
      <Button aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t.list.columnsButton}
      </Button>
      {open ? (
        <fieldset id={id} className={s.group}>
          <legend className={s.legend}>{t.list.columnsMenu}</legend>
          {OPTIONAL_COLUMNS.map((c) => (
            <Checkbox key={c} label={t.list.columns[c]} checked={columns.includes(c)} onChange={(_, d) => toggle(c, d.checked === true)} />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

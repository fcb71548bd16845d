/**
 * The Data step's pickers: the customer table (or the current selection), the
 * optional invoice ledger and the as-of date. While a read or review runs the
 * buttons stay focusable (aria-disabled), so the keyboard focus is not lost.
 */
import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { isEngineError } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import type { ReviewFlow } from "./useReviewFlow";

const useStyles = makeStyles({
  row: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
  grow: { flexGrow: 1, flexBasis: "12em", minWidth: 0 },
  select: { width: "100%" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Value of the customer-table picker when the current selection is used. */
const SELECTION = "\u0000selection";

export function TablePickers({ flow, lang, t }: { flow: ReviewFlow; lang: Lang; t: ReviewStrings }) {
  const s = useStyles();
  const { customers, ledger, tables, busy, asOfIso } = flow.s;
  const options = tables ?? [];
  const option = (x: { name: string; rowCount: number }) => (
    <option key={x.name} value={x.name}>
      {t.data.tableOption(x.name, fmt.count(x.rowCount, lang))}
    </option>
  );
  const working = busy !== null;
  return (
    <>
      <div className={s.row}>
        <Field label={t.data.customerTable} className={s.grow}>
          <Select
            className={s.select}
            value={customers ? (customers.source.kind === "table" ? customers.source.name : SELECTION) : ""}
            onChange={(_, d) => (d.value === SELECTION || d.value === "" ? undefined : void flow.pickTable("customers", d.value))}
            disabled={working}
          >
            <option value="" disabled>
              {tables === null ? t.data.loadingTables : t.data.chooseTable}
            </option>
            {customers && customers.source.kind === "selection" ? <option value={SELECTION}>{customers.label(lang)}</option> : null}
            {options.map(option)}
          </Select>
        </Field>
        <Button onClick={() => void flow.pickSelection()} disabledFocusable={working}>
          {t.data.useSelection}
        </Button>
      </div>
      {tables !== null && tables.length === 0 ? <Caption1 className={s.note}>{t.data.noTables}</Caption1> : null}
      <div className={s.row}>
        <Field label={t.data.ledgerTable} className={s.grow}>
          <Select
            className={s.select}
            value={ledger && ledger.source.kind === "table" ? ledger.source.name : ""}
            onChange={(_, d) => void flow.pickTable("ledger", d.value ? d.value : null)}
            disabled={working}
          >
            <option value="">{t.data.none}</option>
            {options.filter((x) => !(customers?.source.kind === "table" && customers.source.name === x.name)).map(option)}
          </Select>
        </Field>
        <Button appearance="subtle" onClick={() => void flow.loadTables()} disabledFocusable={working}>
          {t.data.refresh}
        </Button>
      </div>
      <Field label={t.data.asOf} hint={t.data.asOfHint} validationMessage={isEngineError(flow.asOf) ? t.data.asOfInvalid : undefined}>
        <Input type="date" value={asOfIso} onChange={(_, d) => flow.dispatch({ type: "asOf", iso: d.value })} disabled={working} />
      </Field>
    </>
  );
}

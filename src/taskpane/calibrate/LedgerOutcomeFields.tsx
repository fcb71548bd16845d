/**
 * "From the invoice ledger" in Calibrate to my portfolio: the ledger table,
 * the history's as-of date and the ledger's data date, "Count the labels"
 * and the counts (engine: ledger-labels.ts). The state stays with the panel.
 */
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { LedgerOutcomePolicy } from "../../engine/calibration/ledger-labels";
import type { TableInfo } from "../../excel/port";
import type { CalibrateStrings } from "../i18n";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
});

/** A yyyy-mm-dd field; `serial` is its reading (NaN: unreadable, shown as an error). */
function DateField(p: {
  label: string;
  hint: string;
  bad: string;
  iso: string;
  serial: number | null;
  onChange: (iso: string) => void;
  disabled: boolean;
}) {
  const invalid = Number.isNaN(p.serial);
  return (
    <Field label={p.label} hint={p.hint} validationMessage={invalid ? p.bad : undefined} validationState={invalid ? "error" : "none"}>
      <Input type="date" value={p.iso} onChange={(_, d) => p.onChange(d.value)} disabled={p.disabled} />
    </Field>
  );
}

export interface LedgerOutcomeFieldsProps {
  t: CalibrateStrings;
  policy: LedgerOutcomePolicy;
  /** The workbook's tables; the history's own table is not offered as its ledger. */
  tables: readonly TableInfo[];
  historyName: string;
  ledgerName: string;
  onLedger: (name: string) => void;
  asOfIso: string;
  asOf: number | null;
  onAsOf: (iso: string) => void;
  dataIso: string;
  dataDate: number | null;
  onDataDate: (iso: string) => void;
  /** Whether the ledger and dates allow counting. */
  ready: boolean;
  onCount: () => void;
  /** The counts of the last "Count the labels", or null. */
  derived: { summary: string; badRows: number } | null;
  disabled: boolean;
}

export function LedgerOutcomeFields(p: LedgerOutcomeFieldsProps) {
  const s = useStyles();
  const { t, disabled } = p;
  return (
    <>
      <Field label={t.ledgerTable} hint={t.ledgerHint(String(p.policy.daysPastDue), String(p.policy.windowMonths))}>
        <Select value={p.ledgerName} onChange={(_, d) => p.onLedger(d.value)} disabled={disabled}>
          <option value="" disabled>
            {t.pickLedger}
          </option>
          {p.tables
            .filter((x) => x.name !== p.historyName)
            .map((x) => (
              <option key={x.name} value={x.name}>
                {`${x.name} (${x.rowCount})`}
              </option>
            ))}
        </Select>
      </Field>
      <DateField
        label={t.outcomeAsOf}
        hint={t.outcomeAsOfHint}
        bad={t.badDate}
        iso={p.asOfIso}
        serial={p.asOf}
        onChange={p.onAsOf}
        disabled={disabled}
      />
      <DateField
        label={t.dataDate}
        hint={t.dataDateHint}
        bad={t.badDate}
        iso={p.dataIso}
        serial={p.dataDate}
        onChange={p.onDataDate}
        disabled={disabled}
      />
      <div className={s.row}>
        <Button onClick={p.onCount} disabled={disabled || !p.ready}>
          {t.deriveLabels}
        </Button>
      </div>
      {p.derived ? (
        <Text size={200} role="status" data-testid="ledger-labels">
          {p.derived.summary}
          {p.derived.badRows > 0 ? ` ${t.ledgerBadRows(String(p.derived.badRows))}` : ""}
        </Text>
      ) : null}
    </>
  );
}

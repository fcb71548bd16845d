/**
 * Progress of a long read, review or write: one bar for the whole job
 * (indeterminate while nothing is known), the phase it is in and the overall
 * percentage beside it, and a Cancel button. The phase is announced politely.
 */
import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  label: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  percent: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
});

export interface ProgressPanelProps {
  /** The phase, e.g. "Scoring customers…". */
  label: string;
  /** Overall 0–1, or undefined for an indeterminate bar. */
  value?: number;
  /** The overall percentage as text, e.g. "63%". */
  percent?: string;
  onCancel?: () => void;
  cancelLabel: string;
}

export function ProgressPanel({ label, value, percent, onCancel, cancelLabel }: ProgressPanelProps) {
  const s = useStyles();
  const id = useId();
  return (
    <div className={s.root} data-testid="progress">
      <div className={s.line}>
        <span className={s.label}>
          <Text weight="semibold" id={`${id}-label`} aria-live="polite">
            {label}
          </Text>
          {percent ? (
            <Text className={s.percent} data-testid="progress-percent">
              {percent}
            </Text>
          ) : null}
        </span>
        {onCancel ? (
          <Button size="small" onClick={onCancel}>
            {cancelLabel}
          </Button>
        ) : null}
      </div>
      <ProgressBar
        value={value}
        max={1}
        thickness="large"
        aria-labelledby={`${id}-label`}
        aria-valuetext={percent ? `${label} ${percent}` : undefined}
      />
    </div>
  );
}

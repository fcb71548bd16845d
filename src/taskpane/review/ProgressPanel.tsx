/**
 * Progress of a long read, review or write: what is happening, a progress
 * bar (indeterminate while the total is unknown) and a Cancel button. The
 * phase text is announced politely to screen readers.
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
  detail: { color: tokens.colorNeutralForeground3 },
});

export interface ProgressPanelProps {
  /** What is happening, e.g. "Scoring customers…". */
  label: string;
  /** e.g. "20,000 of 200,000 rows"; omitted while unknown. */
  detail?: string;
  /** 0–1, or undefined for an indeterminate bar. */
  value?: number;
  onCancel?: () => void;
  cancelLabel: string;
}

export function ProgressPanel({ label, detail, value, onCancel, cancelLabel }: ProgressPanelProps) {
  const s = useStyles();
  const id = useId();
  return (
    <div className={s.root} data-testid="progress">
      <div className={s.line}>
        <Text weight="semibold" id={`${id}-label`} aria-live="polite">
          {label}
        </Text>
        {onCancel ? (
          <Button size="small" onClick={onCancel}>
            {cancelLabel}
          </Button>
        ) : null}
      </div>
      <ProgressBar value={value} max={1} thickness="large" aria-labelledby={`${id}-label`} aria-valuetext={detail} />
      {detail ? (
        <Text size={200} className={s.detail}>
          {detail}
        </Text>
      ) : null}
    </div>
  );
}

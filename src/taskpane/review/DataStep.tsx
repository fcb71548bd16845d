/**
 * Step 1, Data: pick the tables and the as-of date, check the column mapping,
 * run the review; after a review, the data problems it found (each with "Go
 * to"), since this is where the data is fixed and reviewed again.
 */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/lang";
import type { ReviewStrings } from "../i18n";
import { MappingEditor } from "./MappingEditor";
import { Problems } from "./Problems";
import { TablePickers } from "./TablePickers";
import type { ReviewFlow } from "./useReviewFlow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  run: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center", flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface DataStepProps {
  flow: ReviewFlow;
  lang: Lang;
  t: ReviewStrings;
  /** Starts the review (the pane moves the focus to the results when it ends). */
  onRun: () => void;
}

export function DataStep({ flow, lang, t, onRun }: DataStepProps) {
  const s = useStyles();
  const { customers, ledger, outcome, busy } = flow.s;
  return (
    <div className={s.root}>
      <Caption1>{t.intro}</Caption1>
      <TablePickers flow={flow} lang={lang} t={t} />
      {customers ? (
        <MappingEditor
          key={`c-${customers.settingId}`}
          heading={t.mapping.customersHeading}
          mapping={customers.mapping}
          onChange={(m) => flow.changeMapping(customers, m)}
          lang={lang}
          t={t}
          note={customers.note ? t.mapping[customers.note] : null}
        />
      ) : null}
      {ledger ? (
        <MappingEditor
          key={`l-${ledger.settingId}`}
          heading={t.mapping.ledgerHeading}
          mapping={ledger.mapping}
          onChange={(m) => flow.changeMapping(ledger, m)}
          lang={lang}
          t={t}
          note={ledger.note ? t.mapping[ledger.note] : null}
        />
      ) : null}
      <div className={s.run}>
        <Button appearance="primary" onClick={onRun} disabled={!flow.canRun && busy === null} disabledFocusable={busy !== null}>
          {outcome ? t.run.again : t.run.button}
        </Button>
        <Caption1 className={s.note}>{flow.blocked ? t.run.blocked : t.run.nothingWritten}</Caption1>
      </div>
      {outcome ? <Problems summary={outcome.summary} lang={lang} t={t} onGoTo={flow.goTo} /> : null}
    </div>
  );
}

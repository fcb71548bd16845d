/**
 * The review's steps as tabs at the top: Data → Overview → Customers →
 * Monitor → Write, in the order of `STEPS`. Until a review has run only the
 * steps that need none (`STEP_NEEDS_REVIEW`: Data) can be chosen.
 */
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { STEPS, type ReviewStrings, type StepId } from "../i18n";
import { STEP_NEEDS_REVIEW } from "./flow";

const useStyles = makeStyles({
  // Five steps fit a 320 px pane on one line; narrower, the row scrolls instead of wrapping.
  list: { flexWrap: "nowrap", overflowX: "auto", marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})` },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, flexShrink: 0 },
});

/** Element ids of a step's tab and panel. */
export const stepIds = (base: string, step: StepId) => ({ tab: `${base}-tab-${step}`, panel: `${base}-panel` });

export function StepTabs({ step, reviewed, onSelect, base, t }: { step: StepId; reviewed: boolean; onSelect: (s: StepId) => void; base: string; t: ReviewStrings }) {
  const s = useStyles();
  return (
    <TabList className={s.list} size="small" selectedValue={step} onTabSelect={(_, d) => onSelect(d.value as StepId)} aria-label={t.steps.label}>
      {STEPS.map((id) => (
        <Tab key={id} className={s.tab} value={id} id={stepIds(base, id).tab} aria-controls={stepIds(base, id).panel} disabled={STEP_NEEDS_REVIEW[id] && !reviewed}>
          {t.steps.names[id]}
        </Tab>
      ))}
    </TabList>
  );
}

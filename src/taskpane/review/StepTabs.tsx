/**
 * The review's steps as tabs at the top: Data → Overview → Customers →
 * Monitor → Write, in the order of `STEPS`. Until a review has run only the
 * steps that need none (`STEP_NEEDS_REVIEW`: Data) can be chosen.
 *
 * WAI-ARIA tabs with a roving tab stop (one Tab key stop; ←/→, Home/End move
 * and select), written here rather than with Fluent's TabList, which costs
 * about 45 KB of the pane's bundle budget. Fluent tokens for type and colour.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import { STEPS, type ReviewStrings, type StepId } from "../i18n";
import { STEP_NEEDS_REVIEW } from "./flow";

const useStyles = makeStyles({
  // Five steps fit a 320 px pane on one line (in English too: 14 px text, 4 px side padding); narrower, the row scrolls instead of wrapping.
  list: {
    display: "flex",
    flexWrap: "nowrap",
    overflowX: "auto",
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    flexShrink: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
  disabled: {
    color: tokens.colorNeutralForegroundDisabled,
    cursor: "not-allowed",
    ":hover": { color: tokens.colorNeutralForegroundDisabled, backgroundColor: "transparent" },
  },
});

/** Element ids of a step's tab and panel. */
export const stepIds = (base: string, step: StepId) => ({ tab: `${base}-tab-${step}`, panel: `${base}-panel` });

export function StepTabs({
  step,
  reviewed,
  onSelect,
  base,
  t,
}: {
  step: StepId;
  reviewed: boolean;
  onSelect: (s: StepId) => void;
  base: string;
  t: ReviewStrings;
}) {
  const s = useStyles();
  const enabled = STEPS.filter((id) => !STEP_NEEDS_REVIEW[id] || reviewed);
  const move = (e: KeyboardEvent) => {
    const at = enabled.indexOf(step);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: enabled.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = enabled[(to + enabled.length) % enabled.length];
    onSelect(next);
    document.getElementById(stepIds(base, next).tab)?.focus();
  };
  return (
    <div role="tablist" aria-label={t.steps.label} className={s.list} onKeyDown={move}>
      {STEPS.map((id) => {
        const off = STEP_NEEDS_REVIEW[id] && !reviewed;
        const on = id === step;
        return (
          <button
            key={id}
            type="button"
            role="tab"
            id={stepIds(base, id).tab}
            aria-controls={stepIds(base, id).panel}
            aria-selected={on}
            aria-disabled={off || undefined}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(s.tab, on && s.selected, off && s.disabled)}
            onClick={() => (off ? undefined : onSelect(id))}
          >
            {t.steps.names[id]}
          </button>
        );
      })}
    </div>
  );
}

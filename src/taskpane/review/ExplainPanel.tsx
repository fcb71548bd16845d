/**
 * "Explain a customer": its heading and actions ("Show in sheet", "Close"),
 * then the facts, the points (waterfall and reasons), the recommended limit
 * and what would lift it one band; for a row that was not scored, why, with
 * "Go to" its cell. All from the engine's `explainRow` (the inputs the review
 * used, through `explainCustomer`).
 */
import { Button, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef, useMemo } from "react";
import { isEngineError, messageIn } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import { explainRow, type Explanation } from "../../engine/portfolio/explain";
import type { ReviewState } from "../../engine/portfolio/review";
import type { ReviewStrings } from "../i18n";
import { ExplainFacts } from "./ExplainFacts";
import { ExplainLift } from "./ExplainLift";
import { ExplainPoints } from "./ExplainPoints";
import { GoToButton, type GoToHandler } from "./GoTo";
import { customerLabel } from "./list-view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  head: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

/** The explanation of data row `row` in `lang` (the engine's `explainRow`); a message in `lang` for a row that was not scored. */
export function explainInLang(state: ReviewState, row: number, lang: Lang): Explanation | { error: string } {
  const r = explainRow(state, row, lang);
  return isEngineError(r) ? { error: messageIn(r, lang) } : r;
}

export interface ExplainPanelProps {
  state: ReviewState;
  row: number;
  lang: Lang;
  t: ReviewStrings;
  onClose: () => void;
  onShowInSheet: () => void;
  /** "Go to" the cell (or row) of a row that was not scored. */
  onGoTo?: GoToHandler;
  /** Id of the heading (the drawer is named by it). */
  headingId?: string;
}

/** The panel; its ref is the Close button (the drawer focuses it when it opens). */
export const ExplainPanel = forwardRef<HTMLButtonElement, ExplainPanelProps>(function ExplainPanel(
  { state, row, lang, t, onClose, onShowInSheet, onGoTo, headingId = "explain-h" },
  closeRef,
) {
  const s = useStyles();
  const e = t.explain;
  const result = state.results[row];
  const ex = useMemo(() => explainInLang(state, row, lang), [state, row, lang]);
  if (!result) return null;
  const who = `${customerLabel(result, t)}${result.name ? ` ${result.name}` : ""}`;
  return (
    <section className={s.root} aria-labelledby={headingId} data-testid="explain">
      <div className={s.head}>
        <Subtitle2 as="h3" id={headingId} className={s.heading}>
          {e.heading(who)}
        </Subtitle2>
        <div className={s.actions}>
          <Button size="small" appearance="subtle" onClick={onShowInSheet}>
            {e.selectInSheet}
          </Button>
          <Button size="small" appearance="secondary" onClick={onClose} ref={closeRef}>
            {e.close}
          </Button>
        </div>
      </div>
      {"error" in ex ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {e.notScored(result.error?.message ?? ex.error)}
            {result.errorAt && onGoTo ? <GoToButton at={result.errorAt} t={t} onGoTo={onGoTo} /> : null}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <ExplainFacts ex={ex} lang={lang} t={t} />
          <ExplainPoints ex={ex} lang={lang} t={t} />
          <ExplainLift ex={ex} t={t} />
        </>
      )}
    </section>
  );
});

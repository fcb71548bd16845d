/**
 * "Explain a customer": the points waterfall, the reason codes, the
 * recommended limit and the rule that bound it, exposure and headroom, and
 * the smallest realistic changes that lift the customer one band (or, when
 * no single change is enough, a combined plan of up to three). All of it
 * comes from the engine's `explainCustomer` with the inputs the review used.
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { isEngineError } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import { explainCustomer, type Explanation } from "../../engine/portfolio/explain";
import { rowInputs, type ReviewState } from "../../engine/portfolio/review";
import { BAND_LABELS } from "../../engine/portfolio/texts";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { BAND_COLOURS } from "../theme";
import { Waterfall } from "./charts";
import { customerLabel } from "./CustomerList";
import { GoToButton, type GoToHandler } from "./GoTo";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
  facts: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(7em, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  fact: { display: "flex", flexDirection: "column", margin: 0 },
  factLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  factValue: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginLeft: 0 },
  badge: { borderRadius: tokens.borderRadiusSmall, paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  sub: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The explanation of data row `row` in `lang`, with the inputs the review used; an error for a row that was not scored. */
export function explainInLang(state: ReviewState, row: number, lang: Lang): Explanation | { error: string } {
  const inp = rowInputs(state, row);
  if (isEngineError(inp)) return { error: inp.message };
  const r = explainCustomer(inp.values, state.policy, lang, { ...inp.extras, lgd: state.plan.lgd });
  return isEngineError(r) ? { error: r.message } : r;
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
}

export function ExplainPanel({ state, row, lang, t, onClose, onShowInSheet, onGoTo }: ExplainPanelProps) {
  const s = useStyles();
  const e = t.explain;
  const result = state.results[row];
  const ex = useMemo(() => explainInLang(state, row, lang), [state, row, lang]);
  if (!result) return null;
  const who = `${customerLabel(result, t)}${result.name ? ` ${result.name}` : ""}`;
  const steps = "error" in ex ? [] : ex.groups.flatMap((g) => g.steps);
  const missing = steps.filter((x) => !x.observed).length;
  return (
    <section className={s.root} aria-labelledby="explain-h" data-testid="explain">
      <div className={s.head}>
        <Subtitle2 as="h3" id="explain-h" className={s.heading}>
          {e.heading(who)}
        </Subtitle2>
        <div className={s.actions}>
          <Button size="small" appearance="subtle" onClick={onShowInSheet}>
            {e.selectInSheet}
          </Button>
          <Button size="small" appearance="subtle" onClick={onClose}>
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
          <dl className={s.facts} aria-live="polite">
            <div className={s.fact}>
              <dt className={s.factLabel}>{e.score}</dt>
              <dd className={s.factValue}>{fmt.score(ex.score, lang)}</dd>
            </div>
            <div className={s.fact}>
              <dt className={s.factLabel}>{e.band}</dt>
              <dd className={s.factValue}>
                <span className={s.badge} style={{ backgroundColor: BAND_COLOURS[ex.band].fill, color: BAND_COLOURS[ex.band].text }}>
                  {BAND_LABELS[ex.band][lang]}
                </span>
              </dd>
            </div>
            <div className={s.fact}>
              <dt className={s.factLabel}>{e.pd}</dt>
              <dd className={s.factValue}>{fmt.percent(ex.pd, lang, 2)}</dd>
            </div>
            <div className={s.fact}>
              <dt className={s.factLabel}>{e.coverage}</dt>
              <dd className={s.factValue}>{fmt.percent(ex.coverage, lang, 0)}</dd>
            </div>
          </dl>

          <div>
            <Subtitle2 as="h4" className={s.sub}>
              {e.waterfall}
            </Subtitle2>
            <Waterfall
              explanation={ex}
              lang={lang}
              labels={{ title: e.waterfallLabel(fmt.score(ex.base.points, lang), fmt.score(ex.score, lang)), factor: e.factor, value: e.value, points: e.points, total: e.total, derived: e.derived }}
            />
            {missing > 0 ? (
              <Caption1 as="p" className={s.note} style={{ display: "block", margin: 0 }}>
                {e.missing(fmt.count(missing, lang))}
              </Caption1>
            ) : null}
          </div>

          <div>
            <Subtitle2 as="h4" className={s.sub}>
              {e.reasons}
            </Subtitle2>
            {ex.reasonTexts.length ? (
              <Caption1 as="p" className={s.note} style={{ display: "block", margin: 0 }}>
                {e.reasonsNote}
              </Caption1>
            ) : null}
            {ex.reasonTexts.length ? (
              <ul className={s.list} data-testid="reasons">
                {ex.reasonTexts.map((r) => (
                  <li key={r}>
                    <Body1>{r}</Body1>
                  </li>
                ))}
              </ul>
            ) : (
              <Body1>{e.noReasons}</Body1>
            )}
          </div>

          <div>
            <Subtitle2 as="h4" className={s.sub}>
              {e.limit}
            </Subtitle2>
            {ex.limit ? (
              <Body1 as="p" style={{ margin: 0 }} data-testid="limit">
                <Text weight="semibold">{fmt.amount(ex.limit.limit, lang)}</Text> · {e.boundBy(ex.limit.ruleText)}
              </Body1>
            ) : (
              <Body1 as="p" style={{ margin: 0 }}>
                {ex.limitNote}
              </Body1>
            )}
            {ex.exposure !== null ? (
              <Caption1 as="p" style={{ display: "block", margin: 0 }}>
                {e.exposure} {fmt.amount(ex.exposure, lang)}
                {ex.headroom !== null ? ` · ${e.headroom} ${fmt.amount(ex.headroom, lang)}` : ""}
              </Caption1>
            ) : null}
          </div>

          {ex.nextBand ? (
            <div>
              <Subtitle2 as="h4" className={s.sub}>
                {e.lift(ex.nextBand)}
              </Subtitle2>
              {ex.liftOneBand.length ? (
                <ul className={s.list} data-testid="lift">
                  {ex.liftOneBand.map((l) => (
                    <li key={l.key}>
                      <Body1>{l.text}</Body1>
                    </li>
                  ))}
                </ul>
              ) : ex.liftCombined ? (
                <ul className={s.list} data-testid="lift-combined">
                  <li>
                    <Body1>{e.liftTogether(ex.liftCombined.text)}</Body1>
                  </li>
                </ul>
              ) : (
                <Body1>{ex.liftNote}</Body1>
              )}
            </div>
          ) : ex.liftNote ? (
            <Caption1 className={s.note}>{ex.liftNote}</Caption1>
          ) : null}
        </>
      )}
    </section>
  );
}

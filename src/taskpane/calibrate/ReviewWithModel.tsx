/**
 * The review with the workbook's scoring model around it, as both the Excel
 * pane and the workbench show it: the review (and Explain and write-back)
 * scores with the model stored in the workbook, the model-monitoring section
 * reads each review's scores, and the scoring-model section offers
 * "Calibrate to my portfolio" and "Revert to the shipped model".
 */
import { useState } from "react";
import type { ScorecardModel } from "../../engine/scoring/model";
import { ReviewPane, type ReviewPaneProps } from "../review/ReviewPane";
import { ModelPanel } from "./ModelPanel";
import { ScoreMonitor } from "./ScoreMonitor";
import { useStoredModel } from "./useStoredModel";

export type ReviewWithModelProps = Omit<ReviewPaneProps, "policy" | "onOutcome">;

export function ReviewWithModel(props: ReviewWithModelProps) {
  const { port, lang } = props;
  // The workbook's stored model (also the RISK formulas' model, shared runtime) and the last review's scores.
  const stored = useStoredModel(port);
  const [reviewed, setReviewed] = useState<{ model: ScorecardModel; scores: (number | null)[] } | null>(null);
  return (
    <>
      <ReviewPane
        {...props}
        policy={stored.policy}
        onOutcome={(o) =>
          setReviewed({ model: o.state.policy.model, scores: o.state.results.map((r) => (r && !r.blank ? r.score : null)) })
        }
      />
      {reviewed ? <ScoreMonitor model={reviewed.model} scores={reviewed.scores} lang={lang} /> : null}
      <ModelPanel port={port} lang={lang} stored={stored} />
    </>
  );
}

/**
 * Explain opens in place: a drawer over the current step (the whole width at
 * task-pane size), named by its heading. Focus moves to its Close button and
 * returns to where it was (the list, the breach link) on Close or Esc.
 */
import { DrawerBody, OverlayDrawer, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef } from "react";
import type { Lang } from "../../engine/lang";
import type { ReviewStrings } from "../i18n";
import type { ReviewOutcome } from "../services/review-runner";
import { ExplainPanel } from "./ExplainPanel";
import type { GoToHandler } from "./GoTo";
import { useDialogFocus } from "./useDialogFocus";

const useStyles = makeStyles({ body: { paddingTop: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalL } });

export interface ExplainDrawerProps {
  open: boolean;
  outcome: ReviewOutcome;
  row: number;
  lang: Lang;
  t: ReviewStrings;
  onClose: () => void;
  onShowInSheet: () => void;
  onGoTo: GoToHandler;
}

export function ExplainDrawer({ open, outcome, row, lang, t, onClose, onShowInSheet, onGoTo }: ExplainDrawerProps) {
  const s = useStyles();
  const closeRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  useDialogFocus(open, closeRef);
  const narrow = typeof window !== "undefined" && window.innerWidth < 640;
  return (
    <OverlayDrawer
      open={open}
      onOpenChange={(_, d) => (d.open ? undefined : onClose())}
      position="end"
      size={narrow ? "full" : "medium"}
      aria-labelledby={headingId}
    >
      <DrawerBody className={s.body}>
        <ExplainPanel
          ref={closeRef}
          state={outcome.state}
          row={row}
          lang={lang}
          t={t}
          onClose={onClose}
          onShowInSheet={onShowInSheet}
          onGoTo={onGoTo}
          headingId={headingId}
        />
      </DrawerBody>
    </OverlayDrawer>
  );
}

/**
 * The scoring-model section of the pane: which model is in use (shipped or
 * calibrated to this workbook), a stored model that could not be used and
 * why, "Revert to the shipped model" (one click) / "Use the calibrated model
 * again", and the "Calibrate to my portfolio" flow.
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { messageIn } from "../../engine/errors";
import type { Lang } from "../../engine/lang";
import { DEFAULT_MODEL } from "../../engine/scoring/model";
import { todayIso } from "../format";
import { strings } from "../i18n";
import type { WorkbookPort } from "../../excel/port";
import { CalibratePanel } from "./CalibratePanel";
import type { StoredModel } from "./useStoredModel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
});

export interface ModelPanelProps {
  port: WorkbookPort;
  lang: Lang;
  stored: StoredModel;
  /** ISO date recorded with an accepted model (default: today). */
  today?: () => string;
}

export function ModelPanel({ port, lang, stored, today = todayIso }: ModelPanelProps) {
  const s = useStyles();
  const t = strings[lang].calibrate;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const st = stored.state;
  const act = async (f: () => Promise<void>, done: string) => {
    try {
      await f();
      setNote(done);
    } catch (e) {
      setNote(t.saveFailed(e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <section className={s.root} aria-labelledby="model-heading" data-testid="model-panel">
      <Subtitle2 as="h2" id="model-heading">
        {t.heading}
      </Subtitle2>
      {st?.kind === "stored" ? (
        <>
          <Body1 data-testid="model-in-use">{t.storedInUse(st.model.version)}</Body1>
          <Caption1>{t.storedDetail(st.manifest.acceptedOn)}</Caption1>
          <div className={s.row}>
            <Button onClick={() => void act(stored.revert, t.reverted)}>{t.revert}</Button>
          </div>
        </>
      ) : (
        <>
          <Body1 data-testid="model-in-use">{t.shippedInUse(DEFAULT_MODEL.version)}</Body1>
          {st?.kind === "reverted" ? (
            <>
              <Caption1>{t.revertedNote(st.model.version)}</Caption1>
              <div className={s.row}>
                <Button onClick={() => void act(stored.reuse, t.reused)}>{t.reuse}</Button>
              </div>
            </>
          ) : null}
          {st?.kind === "broken" ? (
            <MessageBar intent="warning" data-testid="stored-model-broken">
              <MessageBarBody>
                <MessageBarTitle>{t.brokenTitle}</MessageBarTitle>
                {messageIn(st.error, lang)}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      )}
      {note ? (
        <Caption1 role="status" aria-live="polite">
          {note}
        </Caption1>
      ) : null}
      <div className={s.row}>
        <Button onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t.close : t.open}
        </Button>
      </div>
      {open ? <CalibratePanel port={port} lang={lang} onAccept={(model, report) => stored.accept(model, report, today())} /> : null}
    </section>
  );
}

/**
 * The write-back's confirmation: what will be written where, the user's cells
 * that would be overwritten (and those CreditSentinel wrote that the user
 * changed since), earlier results left behind, and a report sheet the user
 * renamed or edited, with the choice to keep it. Opens on Cancel, its least
 * destructive action; Esc or Cancel writes nothing.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, type RefObject } from "react";
import type { Lang } from "../../engine/lang";
import { quoteSheet } from "../../excel/address";
import type { ReviewStrings } from "../i18n";
import * as fmt from "../format";
import { useDialogFocus } from "./useDialogFocus";
import { reportNeedsConfirmation, type WriteState } from "./write-flow";

const useStyles = makeStyles({ note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 } });

export interface WriteConfirmDialogProps {
  st: WriteState;
  columns: number;
  rows: number;
  lang: Lang;
  t: ReviewStrings;
  /** The button that opened it: focus returns there. */
  opener: RefObject<HTMLButtonElement>;
  onChoice: (c: "newSheet" | "replace") => void;
  onCancel: () => void;
  onConfirm: () => void;
}

export function WriteConfirmDialog({ st, columns, rows, lang, t, opener, onChoice, onCancel, onConfirm }: WriteConfirmDialogProps) {
  const s = useStyles();
  const w = t.write;
  const open = st.phase === "confirm";
  const cancelRef = useRef<HTMLButtonElement>(null);
  useDialogFocus(open, cancelRef, opener);
  const { plan, reportCheck: check, pending, changedSince } = st;
  const cols = pending.columns && plan ? plan : null;
  const foreign = cols ? cols.foreignCount : 0;
  const at = (a: string) => (plan ? `${quoteSheet(plan.target.sheetName)}!${a}` : a);
  const reportAsk = pending.report && reportNeedsConfirmation(check);
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => (!d.open ? onCancel() : undefined)}>
      <DialogSurface aria-describedby="write-dialog-body">
        <DialogBody>
          <DialogTitle>{foreign > 0 ? w.overwriteTitle : w.confirmTitle}</DialogTitle>
          <DialogContent id="write-dialog-body">
            {changedSince ? (
              <MessageBar intent="warning" data-testid="changed-since">
                <MessageBarBody>{w.changedSince(fmt.count(changedSince.count, lang), changedSince.cells.join(", "))}</MessageBarBody>
              </MessageBar>
            ) : null}
            {cols ? <p>{w.confirmBody(fmt.count(columns, lang), fmt.count(rows, lang), cols.address)}</p> : null}
            {cols && foreign > 0 ? (
              <>
                <p data-testid="overwrite-warning">
                  <strong>{w.overwriteBody(fmt.count(foreign, lang), cols.foreignSample.map(at).join(", "))}</strong>
                </p>
                {cols.editedCount > 0 ? (
                  <p data-testid="edited-warning">
                    {w.editedBody(fmt.count(cols.editedCount, lang), cols.editedSample.map(at).join(", "))}
                  </p>
                ) : null}
                <p>{w.overwriteAsk}</p>
              </>
            ) : null}
            {cols && cols.resized.length > 0 ? <p>{w.resizedBody(cols.resized.join(", "))}</p> : null}
            {cols && cols.leftover.clearCount > 0 ? <p>{w.leftoverClear(fmt.count(cols.leftover.clearCount, lang))}</p> : null}
            {cols && cols.leftover.keptCount > 0 ? (
              <p data-testid="leftover-kept">
                {w.leftoverKeep(fmt.count(cols.leftover.keptCount, lang), cols.leftover.keptSample.map(at).join(", "))}
              </p>
            ) : null}
            {pending.report && check && !reportAsk ? <p>{w.confirmReport(check.sheetName)}</p> : null}
            {reportAsk && check ? (
              <div data-testid="report-warning">
                {st.reportChangedSince ? (
                  <MessageBar intent="warning">
                    <MessageBarBody>{w.reportChangedSince(check.sheetName)}</MessageBarBody>
                  </MessageBar>
                ) : null}
                {check.renamedFrom !== null ? <p>{w.reportRenamed(check.sheetName, check.renamedFrom)}</p> : null}
                {check.edited && check.edited.count > 0 ? (
                  <p>{w.reportEdited(check.sheetName, fmt.count(check.edited.count, lang), check.edited.cells.join(", "))}</p>
                ) : null}
                {check.edited?.charts ? <p>{w.reportCharts(check.sheetName)}</p> : null}
                {check.edited?.unverifiable ? <p>{w.reportUnverifiable(check.sheetName)}</p> : null}
                <Field label={w.reportChoice}>
                  <RadioGroup value={st.reportChoice} onChange={(_, d) => onChoice(d.value as "newSheet" | "replace")}>
                    <Radio value="newSheet" label={w.reportKeep(check.newSheetName)} />
                    <Radio value="replace" label={w.reportReplace(check.sheetName)} />
                  </RadioGroup>
                </Field>
              </div>
            ) : null}
            <p className={s.note}>{w.undoNote}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" ref={cancelRef} onClick={onCancel}>
              {w.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              {foreign > 0 ? w.overwrite : w.write}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

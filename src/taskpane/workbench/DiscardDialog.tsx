/** "Open another file?" when the results written were not downloaded: opens on Keep, its least destructive action; focus returns to "Open a file…". */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useRef, type RefObject } from "react";
import { useDialogFocus } from "../review/useDialogFocus";
import type { WorkbenchStrings } from "./strings";

export function DiscardDialog({
  open,
  t,
  opener,
  onKeep,
  onDiscard,
}: {
  open: boolean;
  t: WorkbenchStrings;
  opener: RefObject<HTMLButtonElement>;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const keepRef = useRef<HTMLButtonElement>(null);
  useDialogFocus(open, keepRef, opener);
  return (
    <Dialog open={open} onOpenChange={(_, d) => (!d.open ? onKeep() : undefined)}>
      <DialogSurface aria-describedby="discard-body">
        <DialogBody>
          <DialogTitle>{t.discard.title}</DialogTitle>
          <DialogContent id="discard-body">{t.discard.body}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" ref={keepRef} onClick={onKeep}>
              {t.discard.keep}
            </Button>
            <Button appearance="primary" onClick={onDiscard}>
              {t.discard.discard}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

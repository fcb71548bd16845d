/**
 * Keyboard focus for a dialog or drawer the pane opens: when it opens, focus
 * goes to `initial` (for a confirmation, its least destructive action; for a
 * drawer, its Close button), and when it closes — by its buttons or by Esc —
 * focus goes back to `opener` (or to whatever had it before it opened).
 *
 * Why not leave it to Fluent: a dialog opened after async work has no
 * DialogTrigger to return to, and Fluent's own first-focus finds nothing
 * where there is no layout (jsdom), focusing the surface itself; tabster's
 * modal then never activates and later marks the open dialog aria-hidden.
 * Focusing an element inside the surface activates it reliably.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";

export function useDialogFocus(open: boolean, initial: RefObject<HTMLElement>, opener?: RefObject<HTMLElement>): void {
  const before = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Before any effect of the dialog moves the focus: remember who had it.
  useLayoutEffect(() => {
    if (open && !wasOpen.current)
      before.current = opener?.current ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  }, [open, opener]);
  useEffect(() => {
    if (open && !wasOpen.current) initial.current?.focus();
    if (!open && wasOpen.current) {
      const back = opener?.current ?? before.current;
      if (back?.isConnected && back !== document.body) back.focus();
      before.current = null;
    }
    wasOpen.current = open;
  }, [open, initial, opener]);
}

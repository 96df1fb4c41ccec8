"use client";

import { useState, type MouseEvent } from "react";
import { confirmDialog } from "./confirm-dialog-on-demand";
import { useOnDemand } from "./on-demand";

/**
 * One confirm dialog for a list whose rows each have a button that asks first (revoke,
 * remove). `triggerFor(item)` gives a row's button its props; `asking` is the item last
 * asked about, and `Dialog` the confirm dialog once its code has arrived (it is fetched on
 * demand): render `<Dialog {...dialogProps} title=... />` about `asking` below the list.
 * Focus goes back to the row's button when it closes.
 */
export function useConfirmFor<T>() {
  const [target, setTarget] = useState<{ item: T; trigger: HTMLElement } | null>(null);
  const dialog = useOnDemand(confirmDialog);
  const triggerFor = (item: T) => ({
    ...dialog.triggerProps,
    onClick: (event: MouseEvent<HTMLElement>) => {
      setTarget({ item, trigger: event.currentTarget });
      dialog.triggerProps.onClick(event);
    },
  });
  return {
    triggerFor,
    asking: target?.item ?? null,
    Dialog: dialog.Loaded,
    dialogProps: { open: true, onOpenChange: (open: boolean) => !open && setTarget(null), returnFocusTo: target?.trigger ?? null },
  };
}

import { onDemand } from "@/components/ui/on-demand";
import type { ConfirmDialogProps } from "./confirm-dialog";

/**
 * The confirm dialog, fetched the first time a page asks for it (with `useOnDemand`): the
 * dialog and its focus trap are not needed to draw the buttons that open it.
 */
export const confirmDialog = onDemand<ConfirmDialogProps>(() => import("./confirm-dialog").then((m) => m.ConfirmDialog));

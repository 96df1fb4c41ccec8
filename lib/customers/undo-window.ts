/** How long "Undo" works after a customer is deleted; the toast leaves a little earlier. */
export const UNDO_WINDOW_MS = 15_000;
export const UNDO_TOAST_MS = 12_000;

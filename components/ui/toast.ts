import type { ExternalToast } from "sonner";

/** What a toast says: a short outcome, and an optional undo-style action. */
export type ToastInput = {
  message: string;
  tone?: "success" | "error" | "info";
  action?: { label: string; onClick: () => void };
  /** Milliseconds on screen; sonner's default (4 s) when unset. */
  duration?: number;
};

type Sonner = typeof import("sonner");

// sonner is fetched with the first toast, not with every page: most visits show none.
let sonner: Sonner | undefined;
let hostReady = false;
const waiting: ToastInput[] = [];
const wanted = new Set<() => void>();

function show(sonnerModule: Sonner, { message, tone = "success", action, duration }: ToastInput) {
  const options: ExternalToast = { duration, action: action && { label: action.label, onClick: action.onClick } };
  if (tone === "error") sonnerModule.toast.error(message, options);
  else if (tone === "info") sonnerModule.toast.info(message, options);
  else sonnerModule.toast.success(message, options);
}

/** Shows a toast: for outcomes of actions that have no form to show them in. */
export function notify(input: ToastInput) {
  if (sonner && hostReady) return show(sonner, input);
  waiting.push(input);
  for (const wake of wanted) wake();
}

/** For ToastHost: fetches sonner once a toast is wanted. */
export function onToastWanted(wake: () => void): () => void {
  wanted.add(wake);
  if (waiting.length) wake();
  return () => wanted.delete(wake);
}

export async function loadSonner(): Promise<Sonner> {
  sonner ??= await import("sonner");
  return sonner;
}

/** For ToastHost, once its Toaster is mounted: shows what waited. */
export function toasterMounted(sonnerModule: Sonner) {
  hostReady = true;
  for (const input of waiting.splice(0)) show(sonnerModule, input);
}

export function toasterUnmounted() {
  hostReady = false;
}

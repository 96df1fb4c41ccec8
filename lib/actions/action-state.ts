import type { ErrorLink, FieldErrors } from "@/lib/errors";

/** What a server action gives back to the form that called it. */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "success"; message?: string; data?: T }
  | { status: "error"; message: string; fieldErrors?: FieldErrors; values?: Record<string, string | string[]>; link?: ErrorLink };

export const idle: ActionState<never> = { status: "idle" };

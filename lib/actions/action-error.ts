import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "./action-state";
import { describeError } from "@/lib/errors/describe";

/**
 * What a form shows for an error its server action caught, with the values sent so the
 * form keeps them. redirect() and notFound() are not errors: they are thrown on to Next.
 */
export function toActionError(error: unknown, values?: Record<string, string | string[]>): ActionState<never> {
  unstable_rethrow(error);
  const { message, fieldErrors, link } = describeError(error, "form");
  return { status: "error", message, ...(fieldErrors && { fieldErrors }), ...(values && { values }), ...(link && { link }) };
}

import "server-only";
import type { z } from "zod";
import { toActionError } from "./action-error";
import { requireUser } from "@/lib/session/current-user";
import type { SessionUser, TenantContext } from "@/lib/tenancy/context";
import { requireTenant } from "@/lib/tenancy/require-tenant";
import { fieldErrorsOf } from "@/lib/validation";
import type { ActionState } from "./action-state";

export { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/errors/describe";

type Handler<Who, S extends z.ZodType, R> = (who: Who, input: z.output<S>) => Promise<R>;

/** The form's fields; a name sent more than once (checkboxes) becomes a list. */
function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const previous = values[key];
    values[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return values;
}

async function run<Who, S extends z.ZodType, R>(
  who: Who,
  schema: S,
  handler: Handler<Who, S, R | void>,
  formData: FormData,
): Promise<ActionState<R>> {
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    const data = await handler(who, parsed.data);
    return { status: "success", data: data ?? undefined };
  } catch (error) {
    return toActionError(error, values);
  }
}

/**
 * A server action for a tenant page: resolves the tenant from the bound slug with
 * the guard (sign-in, membership → else 404), validates the form with `schema`, and
 * turns known errors into messages a form can show. Use it as
 * `useActionState(action.bind(null, slug), idle)`.
 */
export function tenantAction<S extends z.ZodType, R = void>(schema: S, handler: Handler<TenantContext, S, R | void>) {
  return async (slug: string, _previous: ActionState, formData: FormData): Promise<ActionState<R>> => {
    const ctx = await requireTenant(slug);
    return run(ctx, schema, handler, formData);
  };
}

/** A server action for a signed-in user outside any tenant. */
export function userAction<S extends z.ZodType, R = void>(schema: S, handler: Handler<SessionUser, S, R | void>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState<R>> => {
    const user = await requireUser();
    return run(user, schema, handler, formData);
  };
}

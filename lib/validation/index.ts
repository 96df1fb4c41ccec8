import type { z } from "zod";
import { UserError, type FieldErrors } from "@/lib/errors";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  // A Map: a field named "constructor" or "__proto__" must not reach Object.prototype.
  const out = new Map<string, string[]>();
  const add = (key: string, message: string) => out.set(key, [...(out.get(key) ?? []), message]);
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    // A strict object's extra keys: each named under its own key, as a field error would be.
    if (issue.code === "unrecognized_keys") for (const extra of issue.keys) add(issue.path.length ? `${key}.${extra}` : extra, "Unknown field.");
    else add(key, issue.message);
  }
  return Object.fromEntries(out);
}

/** Parses or throws a UserError carrying per-field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message = "Please correct the highlighted fields."): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new UserError(message, fieldErrorsOf(result.error));
}

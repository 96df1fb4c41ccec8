import type { z } from "zod";
import { UserError, type FieldErrors } from "@/lib/errors";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses or throws a UserError carrying per-field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new UserError("Please correct the highlighted fields.", fieldErrorsOf(result.error));
}

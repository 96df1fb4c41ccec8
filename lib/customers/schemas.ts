import { z } from "zod";
import { optionalText, text } from "@/lib/validation/text";
import { decodeCursor } from "@/lib/validation/cursor";

// Form fields arrive as strings ("" when left empty); the API may omit them or send null.
// All end as null in the database when empty.

/** One customer's fields: the form, the server action and the REST API all use this. */
export const customerSchema = z.object({
  name: text({ max: 120, label: "Name", required: "Enter a name.", invalidType: "Enter a name." }),
  company: optionalText({ max: 120, label: "Company" }),
  email: optionalText({ max: 254, label: "Email" })
    .transform((v) => v?.toLowerCase() ?? null)
    .refine((v) => v === null || z.email().safeParse(v).success, { error: "Enter a valid email address, like ana@example.com." }),
  phone: optionalText({ max: 40, label: "Phone" })
    .refine((v) => v === null || /^[+()0-9.\-\s]*$/.test(v), { error: "Use digits, spaces and + ( ) - . only.", abort: true })
    .refine((v) => v === null || v.replace(/\D/g, "").length >= 5, { error: "Enter a full phone number." }),
  notes: optionalText({ max: 5000, label: "Notes", multiline: true }),
});
/** What callers pass: empty or missing optional fields are fine. */
export type CustomerInput = z.input<typeof customerSchema>;

/** A change to some fields (the API's PATCH). */
export const customerPatchSchema = customerSchema.partial();

export const LIMIT = { min: 1, max: 100, default: 25 } as const;
export const SEARCH_MAX = 100;
const limitError = `limit must be a whole number from ${LIMIT.min} to ${LIMIT.max}.`;
const cursorError = "cursor must be a next_cursor from an earlier page.";

/** The list's query: the API refuses what this refuses (422); the page ignores it instead. */
export const customerQuerySchema = z.object({
  q: text({ max: SEARCH_MAX, label: "q" }).optional().meta({ description: "Matches name, company or email, ignoring case" }),
  cursor: z
    .string({ error: cursorError })
    .max(200, { error: cursorError })
    .regex(/^[A-Za-z0-9_-]+$/, { error: cursorError })
    .refine((v) => decodeCursor(v) !== null, { error: cursorError })
    .optional()
    .meta({ description: "The next_cursor of the previous page" }),
  // Digits only: z.coerce alone would take "1e1", " 5" or "" (as 0).
  limit: z
    .preprocess(
      (v) => (typeof v === "string" && !/^[0-9]+$/.test(v) ? Number.NaN : v),
      z.coerce
        .number({ error: limitError })
        .int({ error: limitError })
        .min(LIMIT.min, { error: limitError })
        .max(LIMIT.max, { error: limitError })
        .default(LIMIT.default),
    )
    .meta({ description: "Customers per page" }),
});
export type CustomerQuery = z.output<typeof customerQuerySchema>;

/**
 * The customers page's reading of its URL: a parameter the API would refuse is left
 * out (and named in `ignored`) so an old or mangled link shows the list from the top.
 */
export function lenientCustomerQuery(raw: Record<string, string | string[] | undefined>): { query: CustomerQuery; ignored: string[] } {
  const input: Record<string, unknown> = { q: raw.q, cursor: raw.cursor, limit: raw.limit };
  const result = customerQuerySchema.safeParse(input);
  if (result.success) return { query: result.data, ignored: [] };
  const ignored = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  for (const key of ignored) delete input[key];
  return { query: customerQuerySchema.parse(input), ignored };
}

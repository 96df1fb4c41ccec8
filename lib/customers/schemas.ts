import { z } from "zod";

// Form fields arrive as strings ("" when left empty); the API may omit them. Both
// end as null in the database when empty.
const text = (max: number, label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string()
      .trim()
      .max(max, { error: `${label} can be at most ${max} characters.` })
      .transform((v) => v || null),
  );

/** One customer's fields: the form, the server action and the REST API all use this. */
export const customerSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, { error: "Enter a name." })
    .max(120, { error: "Name can be at most 120 characters." }),
  company: text(120, "Company"),
  email: z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: "Email can be at most 254 characters." })
      .refine((v) => v === "" || z.email().safeParse(v).success, { error: "Enter a valid email address, like ana@example.com." })
      .transform((v) => v || null),
  ),
  phone: z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string()
      .trim()
      .max(40, { error: "Phone can be at most 40 characters." })
      .refine((v) => /^[+()0-9.\-\s]*$/.test(v), { error: "Use digits, spaces and + ( ) - . only.", abort: true })
      .refine((v) => v === "" || v.replace(/\D/g, "").length >= 5, { error: "Enter a full phone number." })
      .transform((v) => v || null),
  ),
  notes: text(5000, "Notes"),
});
/** What callers pass: empty or missing optional fields are fine (z.preprocess hides this from z.input). */
export type CustomerInput = { name: string; company?: string | null; email?: string | null; phone?: string | null; notes?: string | null };

/** A change to some fields (the API's PATCH). */
export const customerPatchSchema = customerSchema.partial();

export const customerQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});

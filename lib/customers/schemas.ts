import { z } from "zod";
import { optionalText, text } from "@/lib/validation/text";
import { listQuerySchema } from "@/lib/validation/list-query";

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

/** The list's query: the API refuses what this refuses (422); the page ignores it instead. */
export const customerQuerySchema = listQuerySchema({ search: "Matches name, company or email, ignoring case", items: "Customers per page" });
export type CustomerQuery = z.output<typeof customerQuerySchema>;

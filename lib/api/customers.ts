import { z } from "zod";
import { customerPatchSchema, customerSchema } from "@/lib/customers/schemas";

/** POST /customers: the form's schema, refusing fields it does not know (a typo must not pass silently). */
export const customerCreateBody = z.strictObject(customerSchema.shape);
/** PATCH /customers/{id}: any of the fields, nothing else. */
export const customerPatchBody = z.strictObject(customerPatchSchema.shape);

import { z } from "zod";
import type { Customer } from "@/lib/customers/customers";
import { customerPatchSchema, customerSchema } from "@/lib/customers/schemas";

/** POST /customers: the form's schema, refusing fields it does not know (a typo must not pass silently). */
export const customerCreateBody = z.strictObject(customerSchema.shape);
/** PATCH /customers/{id}: any of the fields, nothing else. */
export const customerPatchBody = z.strictObject(customerPatchSchema.shape);

/** A customer as the API shows it. */
export const customerResource = z.object({
  id: z.uuid(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export function toCustomerResource(customer: Customer): z.infer<typeof customerResource> {
  return {
    id: customer.id,
    name: customer.name,
    company: customer.company,
    email: customer.email,
    phone: customer.phone,
    notes: customer.notes,
    created_at: customer.createdAt.toISOString(),
    updated_at: customer.updatedAt.toISOString(),
  };
}

import { z } from "zod";
import type { customers } from "@/db/schema";

/** A customer as the API and webhooks show it. */
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
export type CustomerResource = z.infer<typeof customerResource>;

export function toCustomerResource(customer: typeof customers.$inferSelect): CustomerResource {
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

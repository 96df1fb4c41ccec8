import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCustomerOrThrow, type Customer } from "@/lib/customers/customers";
import { NotFoundError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenancy/context";

/**
 * The customer, or the 404 page: another tenant's id is simply not found. Cached per
 * request (the context is too), so the page and its title read it once.
 */
export const customerOr404 = cache(async (ctx: TenantContext, id: string): Promise<Customer> => {
  try {
    return await getCustomerOrThrow(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});


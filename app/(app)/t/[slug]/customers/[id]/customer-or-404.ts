import "server-only";
import { cache } from "react";
import { getCustomerOrThrow, type Customer } from "@/lib/customers/customers";
import { orNotFound } from "@/lib/errors/page";
import type { TenantContext } from "@/lib/tenancy/context";

/**
 * The customer, or the 404 page: another tenant's id is simply not found. Cached per
 * request (the context is too), so the page and its title read it once.
 */
export const customerOr404 = cache((ctx: TenantContext, id: string): Promise<Customer> => orNotFound(getCustomerOrThrow(ctx, id)));


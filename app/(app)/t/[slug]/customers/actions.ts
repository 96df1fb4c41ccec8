"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { createCustomer, deleteCustomer, updateCustomer } from "@/lib/customers/customers";
import { customerSchema } from "@/lib/customers/schemas";
import { tenantPath } from "@/lib/tenants/paths";

const withId = z.object({ id: z.string().min(1) });

export const createCustomerAction = tenantAction(customerSchema, async (ctx, input) => {
  const customer = await createCustomer(ctx, input);
  revalidatePath(tenantPath(ctx.tenant.slug, "customers"));
  redirect(`${tenantPath(ctx.tenant.slug, "customers")}/${customer.id}`);
});

export const updateCustomerAction = tenantAction(customerSchema.extend(withId.shape), async (ctx, { id, ...input }) => {
  await updateCustomer(ctx, id, input);
  revalidatePath(tenantPath(ctx.tenant.slug, "customers"));
  redirect(`${tenantPath(ctx.tenant.slug, "customers")}/${id}`);
});

export const deleteCustomerAction = tenantAction(withId, async (ctx, { id }) => {
  await deleteCustomer(ctx, id);
  revalidatePath(tenantPath(ctx.tenant.slug, "customers"));
  redirect(`${tenantPath(ctx.tenant.slug, "customers")}?deleted=1`);
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/define-action";
import { flashToast } from "@/lib/actions/flash";
import { createCustomer, deleteCustomer, updateCustomer } from "@/lib/customers/customers";
import { customerSchema } from "@/lib/customers/schemas";
import { undoCustomerDeletion, undoTokenFor } from "@/lib/customers/undo-delete";
import { tenantPath } from "@/lib/tenancy/paths";

const withId = z.object({ id: z.string().min(1) });

export const createCustomerAction = tenantAction(customerSchema, async (ctx, input) => {
  const customer = await createCustomer(ctx, input);
  revalidatePath(tenantPath(ctx.tenant.slug, "customers"));
  await flashToast(`${customer.name} was added.`);
  redirect(`${tenantPath(ctx.tenant.slug, "customers")}/${customer.id}`);
});

export const updateCustomerAction = tenantAction(customerSchema.extend(withId.shape), async (ctx, { id, ...input }) => {
  const customer = await updateCustomer(ctx, id, input);
  revalidatePath(tenantPath(ctx.tenant.slug, "customers"));
  await flashToast(`Changes to ${customer.name} were saved.`);
  redirect(`${tenantPath(ctx.tenant.slug, "customers")}/${id}`);
});

/** No redirect: the button goes to the list itself, with a toast whose Undo sends the token back. */
export const deleteCustomerAction = tenantAction(withId, async (ctx, { id }) => {
  const customer = await deleteCustomer(ctx, id);
  revalidatePath(tenantPath(ctx.tenant.slug, "customers"));
  return { name: customer.name, undo: undoTokenFor(ctx, customer) };
});

export const undoDeleteCustomerAction = tenantAction(z.object({ token: z.string().min(1).max(4000) }), async (ctx, { token }) => {
  const { id } = await undoCustomerDeletion(ctx, token);
  revalidatePath(tenantPath(ctx.tenant.slug, "customers"));
  return { href: `${tenantPath(ctx.tenant.slug, "customers")}/${id}` };
});

import { toCustomerResource } from "@/lib/api/customers";
import { apiRoute, jsonBody } from "@/lib/api/handler";
import { createCustomer, listCustomers } from "@/lib/customers/customers";
import { customerQuerySchema, customerSchema } from "@/lib/customers/schemas";
import { parseOrThrow } from "@/lib/validation";

export const GET = apiRoute("customers:read", async (ctx, request) => {
  const query = customerQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listCustomers(ctx, query);
  return Response.json({ data: page.customers.map(toCustomerResource), next_cursor: page.nextCursor });
});

export const POST = apiRoute("customers:write", async (ctx, request) => {
  const input = parseOrThrow(customerSchema, await jsonBody(request));
  const customer = await createCustomer(ctx, input);
  return Response.json({ data: toCustomerResource(customer) }, { status: 201 });
});

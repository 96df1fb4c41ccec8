import { jsonObjectBody } from "@/lib/api/body";
import { customerCreateBody } from "@/lib/api/customers";
import { toCustomerResource } from "@/lib/resources/customer";
import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { createCustomer, listCustomers } from "@/lib/customers/customers";
import { customerQuerySchema } from "@/lib/customers/schemas";
import { parseOrThrow } from "@/lib/validation";

export const GET = apiRoute("customers:read", async (ctx, request) => {
  const page = await listCustomers(ctx, parseQuery(customerQuerySchema, request));
  return Response.json({ data: page.customers.map(toCustomerResource), next_cursor: page.nextCursor });
});

export const POST = apiRoute("customers:write", async (ctx, request) => {
  const input = parseOrThrow(customerCreateBody, await jsonObjectBody(request));
  const customer = await createCustomer(ctx, input);
  return Response.json({ data: toCustomerResource(customer) }, { status: 201 });
});

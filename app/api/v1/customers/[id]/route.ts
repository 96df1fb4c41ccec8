import { jsonObjectBody } from "@/lib/api/body";
import { customerPatchBody } from "@/lib/api/customers";
import { toCustomerResource } from "@/lib/resources/customer";
import { apiRoute } from "@/lib/api/handler";
import { deleteCustomer, getCustomerOrThrow, updateCustomer } from "@/lib/customers/customers";
import { parseOrThrow } from "@/lib/validation";

type Params = { id: string };

export const GET = apiRoute<Params>("customers:read", async (ctx, _request, { id }) => {
  return Response.json({ data: toCustomerResource(await getCustomerOrThrow(ctx, id)) });
});

export const PATCH = apiRoute<Params>("customers:write", async (ctx, request, { id }) => {
  const changes = parseOrThrow(customerPatchBody, await jsonObjectBody(request));
  return Response.json({ data: toCustomerResource(await updateCustomer(ctx, id, changes)) });
});

export const DELETE = apiRoute<Params>("customers:write", async (ctx, _request, { id }) => {
  await deleteCustomer(ctx, id);
  return new Response(null, { status: 204 });
});

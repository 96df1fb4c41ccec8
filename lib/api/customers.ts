import { z } from "zod";
import { customerPatchSchema, customerQuerySchema, customerSchema } from "@/lib/customers/schemas";
import { customerResource } from "@/lib/resources/customer";
import type { CrudApi } from "./openapi-crud";

/** POST /customers: the form's schema, refusing fields it does not know (a typo must not pass silently). */
export const customerCreateBody = z.strictObject(customerSchema.shape);
/** PATCH /customers/{id}: any of the fields, nothing else. */
export const customerPatchBody = z.strictObject(customerPatchSchema.shape);

export const customersApi: CrudApi = {
  name: { one: "Customer", many: "Customers" },
  label: { one: "customer", many: "customers" },
  description: "The people and companies a workspace works with",
  resource: customerResource,
  create: customerCreateBody,
  patch: customerPatchBody,
  query: customerQuerySchema,
  rules:
    "Text is trimmed; optional fields that are empty or null are stored as null. email must be a valid address; phone takes digits, spaces and + ( ) - . with at least five digits.",
};

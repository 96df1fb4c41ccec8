import type { Resource } from "@/db/resources";
import { customersApi } from "./customers";
import type { CrudApi } from "./openapi-crud";

/** A declared resource the REST API serves (`api: true`). */
export type ApiResourceKey = Extract<Resource, { api: true }>["key"];

/**
 * The schemas of each resource the API serves, for its OpenAPI entries. A resource declared
 * with `api: true` and missing here does not compile. `npm run new:resource` adds a line.
 */
export const API_RESOURCES: Record<ApiResourceKey, CrudApi> = {
  customers: customersApi,
};

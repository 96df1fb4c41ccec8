import { customersResource } from "./schema/customers-resource";

/**
 * Every tenant-owned resource declared with defineResource (db/resource.ts), in the order
 * the app lists them. `npm run new:resource` adds a line here and in db/resource-tables.ts.
 */
export const RESOURCES = [customersResource] as const;

export type Resource = (typeof RESOURCES)[number];
export type ResourceKey = Resource["key"];

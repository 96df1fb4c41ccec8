import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Resource, ResourceKey } from "./resources";
import { customers } from "./schema/customers";

/** A declared resource's table: its rows keyed by (tenant_id, id), with the columns it exports. */
type TableOf<R extends Resource> = PgTable & { tenantId: AnyPgColumn; id: AnyPgColumn } & Record<R["exported"][number], AnyPgColumn>;

/** Each declared resource's table, for what counts and exports its rows; a missing one does not compile. */
export const RESOURCE_TABLES: { readonly [R in Resource as R["key"]]: TableOf<R> } = {
  customers,
};

export const tableOf = (key: ResourceKey): PgTable & { tenantId: AnyPgColumn; id: AnyPgColumn } => RESOURCE_TABLES[key];

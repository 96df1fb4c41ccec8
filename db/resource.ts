import type { roleEnum } from "./schema/tenants";

type Role = (typeof roleEnum.enumValues)[number];

/** What the activity log records of a resource: `<event>.created`, `<event>.updated`... */
export type ResourceVerb = "created" | "updated" | "deleted" | "restored";

/**
 * Everything the rest of the app derives about a tenant-owned resource, declared once in
 * `db/schema/{key}-resource.ts` beside its table (docs/guides/add-a-tenant-owned-resource.md):
 * - `key`: plural, lowercase; the URL (/t/{slug}/{key}, /api/v1/{key}), the permission
 *   `{key}.write`, the API scopes `{key}:read` and `{key}:write`, the plan limit and the
 *   activity filter are all named by it;
 * - `label`: how sentences name one and many ("added the project Apollo");
 * - `event`: the activity log's prefix and target type (`project.created`);
 * - `writers`: the roles that may create, edit and delete (reading needs membership only);
 * - `activity`: the verbs the log records;
 * - `limited`: whether plans limit how many a workspace holds (lib/plans/plans.ts then needs
 *   a number, or null, on every plan: the type checker says which one is missing);
 * - `api`: whether the REST API serves it (lib/api/resources.ts then needs its schemas);
 * - `exported`: the columns a workspace export includes (leave secrets out).
 * Plain data, with no table in it: the client bundle reads labels and permissions from it,
 * and must not carry the schema. The table is paired with it in db/resource-tables.ts.
 */
export type ResourceDeclaration = {
  readonly key: string;
  readonly label: { readonly one: string; readonly many: string };
  readonly event: string;
  readonly writers: readonly Role[];
  readonly activity: readonly ResourceVerb[];
  readonly limited: boolean;
  readonly api: boolean;
  readonly exported: readonly string[];
};

/** Declares a resource; `const` keeps its strings literal, so the names derived from it are types too. */
export function defineResource<const D extends ResourceDeclaration>(declaration: D): D {
  return declaration;
}

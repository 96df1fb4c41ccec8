import { RESOURCES, type Resource } from "@/db/resources";
import type { Permission } from "@/lib/permissions/permissions";
import { can, writePermissionOf } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";

type Scope = { permission: Permission; label: string };
type ApiResourceKey = Extract<Resource, { api: true }>["key"];
type ResourceScope = `${ApiResourceKey}:read` | `${ApiResourceKey}:write`;

// Each resource the API serves (`api: true` in its declaration) is read with tenant.read and
// written with its own permission.
const RESOURCE_SCOPES = Object.fromEntries(
  RESOURCES.filter((r) => r.api).flatMap((r) => [
    [`${r.key}:read`, { permission: "tenant.read", label: `Read ${r.label.many}` }],
    [`${r.key}:write`, { permission: writePermissionOf(r.key), label: `Create, edit and delete ${r.label.many}` }],
  ]),
) as Record<ResourceScope, Scope>;

/** What a key may do, each scope backed by the permission a person would need. */
export const API_SCOPES = {
  ...RESOURCE_SCOPES,
  "workspace:read": { permission: "tenant.read", label: "Read the workspace's name and plan" },
  "members:read": { permission: "tenant.read", label: "Read the members" },
  "invitations:read": { permission: "invitations.manage", label: "Read pending invitations" },
  "invitations:write": { permission: "invitations.manage", label: "Invite people and revoke invitations" },
  "activity:read": { permission: "activity.read", label: "Read the activity log" },
  "webhooks:read": { permission: "webhooks.manage", label: "Read webhook endpoints" },
  "webhooks:write": { permission: "webhooks.manage", label: "Add, change and delete webhook endpoints" },
} as const satisfies Record<string, Scope>;
export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_IDS = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && value in API_SCOPES;
}

/** Scopes a role may hold: a key never does more than its creator could. */
export function scopesForRole(role: Role): ApiScope[] {
  return API_SCOPE_IDS.filter((scope) => can(role, API_SCOPES[scope].permission));
}

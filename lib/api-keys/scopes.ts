import type { Permission } from "@/lib/permissions/permissions";
import { can } from "@/lib/permissions/permissions";
import type { Role } from "@/lib/permissions/roles";

/** What a key may do, each scope backed by the permission a person would need. */
export const API_SCOPES = {
  "customers:read": { permission: "tenant.read", label: "Read customers" },
  "customers:write": { permission: "customers.write", label: "Create, edit and delete customers" },
  "workspace:read": { permission: "tenant.read", label: "Read the workspace's name and plan" },
  "members:read": { permission: "tenant.read", label: "Read the members" },
  "invitations:read": { permission: "invitations.manage", label: "Read pending invitations" },
  "invitations:write": { permission: "invitations.manage", label: "Invite people and revoke invitations" },
  "activity:read": { permission: "activity.read", label: "Read the activity log" },
  "webhooks:read": { permission: "webhooks.manage", label: "Read webhook endpoints" },
  "webhooks:write": { permission: "webhooks.manage", label: "Add, change and delete webhook endpoints" },
} as const satisfies Record<string, { permission: Permission; label: string }>;
export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_IDS = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && value in API_SCOPES;
}

/** Scopes a role may hold: a key never does more than its creator could. */
export function scopesForRole(role: Role): ApiScope[] {
  return API_SCOPE_IDS.filter((scope) => can(role, API_SCOPES[scope].permission));
}

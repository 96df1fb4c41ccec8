import { RESOURCES, type ResourceKey } from "@/db/resources";
import { PermissionDeniedError } from "@/lib/errors";
import { ROLES, type Role } from "./roles";

/** Permissions of the workspace itself; each declared resource adds `{key}.write` (db/resources.ts). */
const WORKSPACE_PERMISSIONS = [
  "tenant.read", // every resource, the members list
  "invitations.manage", // invite, revoke, resend; invite links
  "members.manage", // change roles, remove members
  "domains.manage", // claim, verify and remove email domains, choose how they join
  "apiKeys.manage",
  "webhooks.manage", // endpoints, their secrets and delivery log
  "activity.read",
  "data.export", // a zip of everything the workspace holds
  "billing.manage",
  "tenant.rename",
  "tenant.delete", // also: transfer ownership
] as const;

/** Creating, editing and deleting a declared resource; reading it needs only tenant.read. */
export type ResourcePermission = `${ResourceKey}.write`;
export type Permission = (typeof WORKSPACE_PERMISSIONS)[number] | ResourcePermission;

export const writePermissionOf = (key: ResourceKey): ResourcePermission => `${key}.write`;

/** Every permission the app checks. The one table of who may do what. */
export const PERMISSIONS: readonly Permission[] = [...WORKSPACE_PERMISSIONS, ...RESOURCES.map((r) => writePermissionOf(r.key))];

const WORKSPACE_ROLE_PERMISSIONS: Record<Role, readonly (typeof WORKSPACE_PERMISSIONS)[number][]> = {
  owner: WORKSPACE_PERMISSIONS,
  admin: [
    "tenant.read",
    "invitations.manage",
    "members.manage",
    "domains.manage",
    "apiKeys.manage",
    "webhooks.manage",
    "activity.read",
    "data.export",
    "tenant.rename",
  ],
  member: ["tenant.read"],
  billing: ["tenant.read", "billing.manage"],
};

/** The workspace's table, plus each resource's write permission for the roles its declaration names. */
const permissionsOf = (role: Role): readonly Permission[] => [
  ...WORKSPACE_ROLE_PERMISSIONS[role],
  ...RESOURCES.filter((r) => (r.writers as readonly Role[]).includes(role)).map((r) => writePermissionOf(r.key)),
];
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: permissionsOf("owner"),
  admin: permissionsOf("admin"),
  member: permissionsOf("member"),
  billing: permissionsOf("billing"),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Whether `granter` may give someone `role` (by invitation, role change or API key):
 * only a role whose every permission the granter has. So admins can grant admin and
 * member, not owner or billing (billing can manage billing, which admins cannot).
 */
export function canGrant(granter: Role, role: Role): boolean {
  return ROLE_PERMISSIONS[role].every((permission) => can(granter, permission));
}

export function grantableRoles(granter: Role): Role[] {
  return ROLES.filter((role) => canGrant(granter, role));
}

/**
 * Throws unless the role has the permission and, when the caller is narrowed to a set
 * of grants (an API key's scopes), the grants include it too.
 */
export function assertCan(subject: { role: Role; grants?: readonly Permission[] | null }, permission: Permission, message?: string): void {
  if (!can(subject.role, permission) || (subject.grants && !subject.grants.includes(permission))) {
    throw new PermissionDeniedError(message);
  }
}

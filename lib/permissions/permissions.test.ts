import { describe, expect, it } from "vitest";
import { RESOURCES } from "@/db/resources";
import { PermissionDeniedError } from "@/lib/errors";
import { assertCan, can, canGrant, grantableRoles, PERMISSIONS, type Permission } from "./permissions";
import { ROLES, type Role } from "./roles";

// The product's table (docs: permissions), restated here on purpose: a change to
// the code's table that is not also a change to this one fails the test.
// A resource added since (npm run new:resource) is checked against its own declaration.
const ADDED_RESOURCES: Partial<Record<Permission, readonly Role[]>> = Object.fromEntries(RESOURCES.map((r) => [`${r.key}.write`, r.writers]));
const EXPECTED: Record<Permission, readonly Role[]> = {
  ...(ADDED_RESOURCES as Record<Permission, readonly Role[]>),
  "customers.write": ["owner", "admin", "member"],
  "tenant.read": ["owner", "admin", "member", "billing"],
  "invitations.manage": ["owner", "admin"],
  "members.manage": ["owner", "admin"],
  "domains.manage": ["owner", "admin"],
  "apiKeys.manage": ["owner", "admin"],
  "webhooks.manage": ["owner", "admin"],
  "activity.read": ["owner", "admin"],
  "data.export": ["owner", "admin"],
  "billing.manage": ["owner", "billing"],
  "tenant.rename": ["owner", "admin"],
  "tenant.delete": ["owner"],
};

describe("permission table", () => {
  it("lists every permission it checks", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "can" : "cannot"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
        if (allowed) expect(() => assertCan({ role }, permission)).not.toThrow();
        else expect(() => assertCan({ role }, permission)).toThrow(PermissionDeniedError);
      });
    }
  }
});

describe("granting roles", () => {
  it("lets each role grant only roles whose permissions it has", () => {
    expect(grantableRoles("owner")).toEqual(["owner", "admin", "member", "billing"]);
    expect(grantableRoles("admin")).toEqual(["admin", "member"]);
    expect(grantableRoles("member")).toEqual(["member"]);
    expect(grantableRoles("billing")).toEqual(["billing"]);
    expect(canGrant("admin", "owner")).toBe(false);
    expect(canGrant("admin", "billing")).toBe(false);
  });
});

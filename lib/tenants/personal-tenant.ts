import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { TENANT_LABEL } from "@/lib/config/app";
import type { Tenant } from "@/lib/tenancy/context";
import { createTenantWithFreeSlug } from "./create-tenant";
import { slugCandidate } from "@/lib/tenancy/slug";

/** "Ada Lovelace" → "Ada's workspace"; no name → the email's local part. */
export function personalTenantName(user: { name: string | null; email: string | null }): {
  name: string;
  slug: string;
} {
  const first = user.name?.trim().split(/\s+/)[0];
  const handle = first || user.email?.split("@")[0] || "My";
  return {
    name: `${handle}'s ${TENANT_LABEL.singular}`.slice(0, 64),
    slug: slugCandidate(handle, TENANT_LABEL.singular),
  };
}

/**
 * Creates the user's personal tenant, once in their life: the claim on
 * `personal_tenant_created_at` happens in the same transaction, so parallel first
 * requests make one tenant, and a user who later leaves it does not get another.
 * Returns null when it was already made.
 */
export async function ensurePersonalTenant(userId: string): Promise<Tenant | null> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(users)
      .set({ personalTenantCreatedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.personalTenantCreatedAt)))
      .returning({ id: users.id, name: users.name, email: users.email });
    if (!claimed) return null;
    const { name, slug } = personalTenantName(claimed);
    return createTenantWithFreeSlug(tx, claimed, name, slug);
  });
}

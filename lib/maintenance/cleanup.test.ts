import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createSession, createUser } from "@/db/factories";
import { emailChanges, invitations, rateLimits, sessions, verificationTokens } from "@/db/schema";
import { memberOf } from "@/testing/tenant-context";
import { cleanUpExpired } from "./cleanup";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe("the cleanup job", () => {
  it("deletes expired sessions, sign-in tokens, long-closed invitations and old rate-limit windows, and keeps what still counts", async () => {
    const owner = await memberOf(null, "owner");
    const expired = await createSession(owner.user, ago(1));
    const live = await createSession(owner.user);
    await db.insert(verificationTokens).values([
      { identifier: "old@example.test", token: "old", expires: ago(0.01) },
      { identifier: "new@example.test", token: "new", expires: new Date(Date.now() + 600_000) },
    ]);
    const invitation = (email: string, extra: Partial<typeof invitations.$inferInsert>) => ({
      tenantId: owner.tenant.id,
      email,
      role: "member" as const,
      tokenHash: `hash-${email}`,
      expiresAt: new Date(Date.now() + DAY),
      ...extra,
    });
    await db.insert(invitations).values([
      invitation("long-expired@x.test", { expiresAt: ago(31) }),
      invitation("just-expired@x.test", { expiresAt: ago(2) }),
      invitation("revoked-long-ago@x.test", { revokedAt: ago(31), expiresAt: ago(24) }),
      invitation("accepted@x.test", { acceptedAt: ago(60), expiresAt: ago(53) }),
      invitation("pending@x.test", {}),
    ]);
    await db.insert(rateLimits).values([
      { key: "cleanup:old", windowStart: ago(2), count: 3 },
      { key: "cleanup:now", windowStart: new Date(), count: 1 },
    ]);

    const other = await createUser();
    await db.insert(emailChanges).values([
      { userId: owner.user.id, newEmail: "gone@example.test", tokenHash: `old-${owner.user.id}`, expiresAt: ago(0.01) },
      { userId: other.id, newEmail: "soon@example.test", tokenHash: `new-${other.id}`, expiresAt: new Date(Date.now() + DAY) },
    ]);

    const result = await cleanUpExpired();
    expect(result.sessions).toBeGreaterThanOrEqual(1);

    expect((await db.select().from(sessions).where(inArray(sessions.sessionToken, [expired, live]))).map((s) => s.sessionToken)).toEqual([live]);
    expect((await db.select().from(verificationTokens).where(inArray(verificationTokens.token, ["old", "new"]))).map((t) => t.token)).toEqual(["new"]);
    expect((await db.select().from(invitations).where(eq(invitations.tenantId, owner.tenant.id))).map((i) => i.email).sort()).toEqual([
      "accepted@x.test",
      "just-expired@x.test",
      "pending@x.test",
    ]);
    expect((await db.select().from(rateLimits).where(inArray(rateLimits.key, ["cleanup:old", "cleanup:now"]))).map((r) => r.key)).toEqual(["cleanup:now"]);
    expect((await db.select().from(emailChanges).where(inArray(emailChanges.userId, [owner.user.id, other.id]))).map((c) => c.newEmail)).toEqual(["soon@example.test"]);
    expect(await cleanUpExpired()).toMatchObject({ sessions: 0, verificationTokens: 0, emailChanges: 0, rateLimits: 0 });
  });
});

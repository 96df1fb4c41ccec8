import "server-only";
import type { Adapter, AdapterAuthenticator } from "@auth/core/adapters";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { accounts, authenticators, sessions, users, verificationTokens } from "@/db/schema";

/** "Passkey", then "Passkey 2", "Passkey 3"...: the first name none of the user's passkeys has. */
export function nextPasskeyName(taken: Iterable<string>): string {
  const names = new Set(taken);
  for (let n = 1; ; n++) {
    const name = n === 1 ? "Passkey" : `Passkey ${n}`;
    if (!names.has(name)) return name;
  }
}

/**
 * Auth.js's Drizzle adapter on our tables, with two additions for passkeys: a new one
 * gets a name ("Passkey 2") the user can change, and every sign-in with one stamps its
 * last use (Auth.js updates the signature counter on each, so that is where it goes).
 * Passkeys leave in Auth.js's shape only: our extra columns stay in our own queries.
 * Give it the real handle (getDb()), not the lazy `db` proxy: Drizzle's adapter inspects it.
 */
export function authAdapter(db: Database = getDb()): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
    authenticatorsTable: authenticators,
  });
  return {
    ...base,
    async createAuthenticator(data: AdapterAuthenticator) {
      // The user's row is locked so two registrations at once do not pick the same name.
      const row = await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT 1 FROM ${users} WHERE ${users.id} = ${data.userId} FOR UPDATE`);
        const existing = await tx.select({ name: authenticators.name }).from(authenticators).where(eq(authenticators.userId, data.userId));
        const [created] = await tx
          .insert(authenticators)
          .values({ ...data, name: nextPasskeyName(existing.map((e) => e.name)) })
          .returning();
        return created!;
      });
      return toAdapterAuthenticator(row);
    },
    async getAuthenticator(credentialID: string) {
      const [row] = await db.select().from(authenticators).where(eq(authenticators.credentialID, credentialID));
      return row ? toAdapterAuthenticator(row) : null;
    },
    async listAuthenticatorsByUserId(userId: string) {
      const rows = await db.select().from(authenticators).where(eq(authenticators.userId, userId));
      return rows.map(toAdapterAuthenticator);
    },
    async updateAuthenticatorCounter(credentialID: string, counter: number) {
      const [row] = await db
        .update(authenticators)
        .set({ counter, lastUsedAt: new Date() })
        .where(eq(authenticators.credentialID, credentialID))
        .returning();
      if (!row) throw new Error("Authenticator not found.");
      return toAdapterAuthenticator(row);
    },
  };
}

function toAdapterAuthenticator(row: typeof authenticators.$inferSelect): AdapterAuthenticator {
  return {
    credentialID: row.credentialID,
    userId: row.userId,
    providerAccountId: row.providerAccountId,
    credentialPublicKey: row.credentialPublicKey,
    counter: row.counter,
    credentialDeviceType: row.credentialDeviceType,
    credentialBackedUp: row.credentialBackedUp,
    transports: row.transports,
  };
}

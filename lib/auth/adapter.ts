import "server-only";
import type { Adapter, AdapterAuthenticator } from "@auth/core/adapters";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { count, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { accounts, authenticators, sessions, users, verificationTokens } from "@/db/schema";

/**
 * Auth.js's Drizzle adapter on our tables, with two additions for passkeys: a new one
 * gets a name ("Passkey 2") the user can change, and every sign-in with one stamps its
 * last use (Auth.js updates the signature counter on each, so that is where it goes).
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
      const [existing] = await db.select({ n: count() }).from(authenticators).where(eq(authenticators.userId, data.userId));
      const n = existing?.n ?? 0;
      const [row] = await db
        .insert(authenticators)
        .values({ ...data, name: n === 0 ? "Passkey" : `Passkey ${n + 1}` })
        .returning();
      return toAdapterAuthenticator(row!);
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

/** The adapter's shape only: our extra columns stay in our own queries. */
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

// The backfill of migration 0011, run again on entries logged the old way (the key in actor_label).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activityLog } from "@/db/schema";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";

async function backfill() {
  const migration = await readFile(path.join(MIGRATIONS_FOLDER, "0011_activity-api-key-actor.sql"), "utf8");
  const update = migration.split("--> statement-breakpoint").at(-1)!;
  expect(update).toContain('UPDATE "activity_log"');
  await db.execute(sql.raw(update));
}

describe("the migration's backfill of API key entries", () => {
  it("moves the key's name out of the label, finds the key, and labels the creator", async () => {
    const team = await teamOfEveryRole();
    const ada = await memberOf(team.tenant, "admin", "Ada Lovelace");
    // Two keys of one name: each entry goes to its creator's.
    const adas = (await createApiKey(ada.ctx, { name: "Sync", scopes: ["customers:write"] })).apiKey;
    const owners = (await createApiKey(team.owner.ctx, { name: "Sync", scopes: ["customers:write"] })).apiKey;
    const old = (actorId: string, actorLabel: string) => ({ tenantId: team.tenant.id, actorId, actorLabel, action: "customer.created" });
    const rows = await db
      .insert(activityLog)
      .values([old(ada.user.id, "API key “Sync”"), old(team.owner.user.id, "API key “Sync”"), old(ada.user.id, "Ada Lovelace")])
      .returning({ id: activityLog.id });

    await backfill();
    const entries = () => db.select().from(activityLog).where(eq(activityLog.tenantId, team.tenant.id)).orderBy(activityLog.id);
    const after = await entries();
    const byId = (id: number) => after.find((r) => r.id === id);
    expect(byId(rows[0]!.id)).toMatchObject({ actorId: ada.user.id, actorLabel: "Ada Lovelace", apiKeyId: adas.id, apiKeyName: "Sync" });
    expect(byId(rows[1]!.id)).toMatchObject({ actorId: team.owner.user.id, actorLabel: "Olive Owner", apiKeyId: owners.id, apiKeyName: "Sync" });
    expect(byId(rows[2]!.id)).toMatchObject({ actorLabel: "Ada Lovelace", apiKeyId: null, apiKeyName: null });

    // Run twice, it changes nothing more.
    await backfill();
    expect(await entries()).toEqual(after);
  });
});

// An API key acts as its creator, and the log names both: through the real routes.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activityLog, customers } from "@/db/schema";
import { loadActivityPage } from "@/lib/activity/activity-page";
import { actorName } from "@/lib/activity/actors";
import { describeActivity } from "@/lib/activity/describe";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { createCustomer } from "@/lib/customers/customers";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { send, type Route } from "@/testing/api/client";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import * as customersRoute from "../customers/route";
import * as activityRoute from "./route";

async function viaKey() {
  const team = await teamOfEveryRole();
  const ada = await memberOf(team.tenant, "admin", "Ada Lovelace");
  const { key, apiKey } = await createApiKey(ada.ctx, { name: "Sync", scopes: ["customers:write", "activity:read"] });
  const created = await send(customersRoute.POST as Route, { key, method: "POST", body: { name: "Grace" } });
  expect(created.status, created.text).toBe(201);
  return { team, ada, key, apiKey, customerId: created.body.data.id as string };
}

describe("an entry made with an API key", () => {
  it("records the creator as the actor and the key beside them", async () => {
    const { team, ada, apiKey, customerId } = await viaKey();
    const [row] = await db.select().from(activityLog).where(and(eq(activityLog.tenantId, team.tenant.id), eq(activityLog.action, "customer.created")));
    expect(row).toMatchObject({ actorId: ada.user.id, actorLabel: "Ada Lovelace", apiKeyId: apiKey.id, apiKeyName: "Sync", targetId: customerId });
    // The context's user is the real creator, so their id lands in createdById columns too.
    const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
    expect(customer!.createdById).toBe(ada.user.id);
  });

  it("reads “API key “Sync”, created by Ada Lovelace” on the API, the activity page and the dashboard", async () => {
    const { team, key, apiKey } = await viaKey();
    await createCustomer(team.owner.ctx, { name: "In person" });

    const answer = await send(activityRoute.GET as Route, { key, path: "/api/v1/activity" });
    expect(answer.status, answer.text).toBe(200);
    const [inPerson, byKey] = answer.body.data;
    expect(byKey).toMatchObject({ action: "customer.created", actor: "API key “Sync”, created by Ada Lovelace", api_key: { id: apiKey.id, name: "Sync" } });
    expect(inPerson).toMatchObject({ actor: "Olive Owner", api_key: null });

    const page = await loadActivityPage(team.owner.ctx, { filter: {} });
    const entry = page.entries.find((e) => e.targetLabel === "Grace")!;
    expect(`${actorName(entry)} ${describeActivity(entry)}`).toBe("API key “Sync”, created by Ada Lovelace added the customer Grace");

    const dashboard = await getDashboard(team.owner.ctx);
    expect(dashboard.recentActivity.map(actorName)).toEqual(expect.arrayContaining(["Olive Owner", "API key “Sync”, created by Ada Lovelace"]));
  });

  it("keeps the key's name once its creator's account is gone", () => {
    expect(actorName({ actorLabel: "Deleted user", apiKeyName: "Sync" })).toBe("API key “Sync”, created by Deleted user");
    expect(actorName({ actorLabel: null, apiKeyName: "Sync" })).toBe("API key “Sync”");
    expect(actorName({ actorLabel: null, apiKeyName: null })).toBe("Someone");
  });
});

import "server-only";
import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { activityLog, memberships } from "@/db/schema";
import { OTHER_ACTORS, type ActorFilter } from "./actors";
import { actionsOfKind } from "./kinds";
import type { ActivityFilter } from "./schemas";

function actorCondition(actor: ActorFilter): SQL {
  // A user's entries include those of the keys they created (actor_id is the creator).
  if (actor.type === "user") return eq(activityLog.actorId, actor.userId);
  switch (actor.actor) {
    case "api-keys":
      return isNotNull(activityLog.apiKeyId);
    case "former-members":
      return and(
        isNotNull(activityLog.actorId),
        sql`NOT EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.tenantId} = ${activityLog.tenantId} AND ${memberships.userId} = ${activityLog.actorId})`,
      )!;
    default: {
      const { storedLabel } = OTHER_ACTORS.find((a) => a.value === actor.actor) as { storedLabel: string };
      return and(isNull(activityLog.actorId), eq(activityLog.actorLabel, storedLabel))!;
    }
  }
}

/**
 * The conditions on activity_log rows of a filter (the tenant's own filter is the caller's,
 * through `tenantScope(ctx).owned`). Every entry matches exactly one user or labelled actor;
 * "API keys" matches those made through a key, whoever created it.
 */
export function activityFilterCondition(filter: ActivityFilter): SQL | undefined {
  return and(filter.actor && actorCondition(filter.actor), filter.kind && inArray(activityLog.action, actionsOfKind(filter.kind)));
}

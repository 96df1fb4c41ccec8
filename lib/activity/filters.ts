import "server-only";
import { and, eq, inArray, isNotNull, isNull, like, notLike, or, sql, type SQL } from "drizzle-orm";
import { activityLog, memberships } from "@/db/schema";
import { API_KEY_LABEL_PREFIX, OTHER_ACTORS, type ActorFilter } from "./actors";
import { actionsOfKind } from "./kinds";
import type { ActivityFilter } from "./schemas";

const byApiKey = like(activityLog.actorLabel, `${API_KEY_LABEL_PREFIX}%`);
// A user without a name or email is logged with no label: still in person, not a key.
const inPerson = or(isNull(activityLog.actorLabel), notLike(activityLog.actorLabel, `${API_KEY_LABEL_PREFIX}%`))!;

function actorCondition(actor: ActorFilter): SQL {
  if (actor.type === "user") return and(eq(activityLog.actorId, actor.userId), inPerson)!;
  switch (actor.actor) {
    case "api-keys":
      return and(isNotNull(activityLog.actorId), byApiKey)!;
    case "former-members":
      return and(
        isNotNull(activityLog.actorId),
        inPerson,
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
 * through `tenantScope(ctx).owned`). Every entry matches exactly one actor: a user in person,
 * API keys, or one of the labelled actors.
 */
export function activityFilterCondition(filter: ActivityFilter): SQL | undefined {
  return and(filter.actor && actorCondition(filter.actor), filter.kind && inArray(activityLog.action, actionsOfKind(filter.kind)));
}

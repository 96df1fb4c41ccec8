import "server-only";
import { asc, desc, eq, getTableName, gt, gte, lt, lte, sql, type Column } from "drizzle-orm";
import { db } from "@/db/client";
import { activityLog, memberships, tenants, users } from "@/db/schema";
import { assertCan } from "@/lib/permissions/permissions";
import { tenantScope } from "@/lib/tenancy/scope";
import type { TenantContext } from "@/lib/tenancy/context";
import type { ActivityEntry } from "./events";
import { activityFilterCondition } from "./filters";
import { ACTIVITY_PAGE_SIZE } from "./list-activity";
import type { ActivityFilter, ActivityPaging } from "./schemas";

export type ActivityMember = { userId: string; name: string | null; email: string | null };

export type ActivityPage = {
  /** Newest first. */
  entries: (ActivityEntry)[];
  /** For an "Older" link: the last entry's id, when older entries match. */
  olderBefore: number | null;
  /** For a "Newer" link: the first entry's id, when newer entries match. */
  newerAfter: number | null;
  /** The tenant's members, by name, for the actor filter. */
  members: ActivityMember[];
};

type JsonEntry = Omit<ActivityEntry, "createdAt"> & { createdAt: string };

// drizzle writes a selected column without its table; in these nested selects a bare "id"
// or "name" could as well mean the outer tenants row's, so each says whose it is.
const col = (column: Column) => sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

// PGlite hands json back parsed, postgres.js as text.
const parseJson = <T>(value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as T;

/**
 * One page of the activity page, in ONE statement: the entries matching `filter` (null:
 * a filter nothing can match), whether more match beyond each end, and the members for the
 * filter form. Pages are keyset pages: `before` the last id of a newer page, `after` the
 * first id of an older one.
 */
export async function loadActivityPage(
  ctx: TenantContext,
  { filter, paging = {}, limit = ACTIVITY_PAGE_SIZE }: { filter: ActivityFilter | null; paging?: ActivityPaging; limit?: number },
): Promise<ActivityPage> {
  assertCan(ctx, "activity.read");
  const scope = tenantScope(ctx);
  const matching = filter ? activityFilterCondition(filter) : sql`false`;
  const { before, after } = paging;
  const upward = before === undefined && after !== undefined;
  const page = db
    .select({
      id: sql<number>`${col(activityLog.id)}`.as("id"),
      entry: sql`json_build_object(
        'id', ${col(activityLog.id)}, 'action', ${col(activityLog.action)}, 'actorLabel', ${col(activityLog.actorLabel)},
        'apiKeyId', ${col(activityLog.apiKeyId)}, 'apiKeyName', ${col(activityLog.apiKeyName)},
        'targetType', ${col(activityLog.targetType)}, 'targetId', ${col(activityLog.targetId)}, 'targetLabel', ${col(activityLog.targetLabel)},
        'metadata', ${col(activityLog.metadata)}, 'ip', ${col(activityLog.ip)}, 'createdAt', ${col(activityLog.createdAt)})`.as("entry"),
    })
    .from(activityLog)
    .where(scope.owned(activityLog, matching, before !== undefined ? lt(activityLog.id, before) : after !== undefined ? gt(activityLog.id, after) : undefined))
    .orderBy(upward ? asc(activityLog.id) : desc(activityLog.id))
    .limit(limit + 1)
    .as("page");
  // Whether anything matches on the other side of the page's start: the newest page has nothing newer.
  const beyond = before !== undefined ? gte(activityLog.id, before) : after !== undefined ? lte(activityLog.id, after) : undefined;

  const [row] = await db
    .select({
      entries: sql`(SELECT coalesce(json_agg(${page.entry} ORDER BY ${page.id} DESC), '[]'::json) FROM ${page})`.mapWith(parseJson<JsonEntry[]>),
      beyond: beyond
        ? sql<boolean>`EXISTS (SELECT 1 FROM ${activityLog} WHERE ${scope.owned(activityLog, matching, beyond)})`.mapWith(Boolean)
        : sql<boolean>`false`.mapWith(Boolean),
      members: sql`(
        SELECT coalesce(json_agg(json_build_object('userId', ${col(memberships.userId)}, 'name', ${col(users.name)}, 'email', ${col(users.email)})
                                 ORDER BY lower(coalesce(${col(users.name)}, ${col(users.email)}, '')), ${col(users.id)}), '[]'::json)
        FROM ${memberships} JOIN ${users} ON ${col(users.id)} = ${col(memberships.userId)}
        WHERE ${scope.owned(memberships)})`.mapWith(parseJson<ActivityMember[]>),
    })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenant.id));
  if (!row) return { entries: [], olderBefore: null, newerAfter: null, members: [] };

  const rows = row.entries.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
  // Upward, the page is the `limit` entries just above `after`: the oldest of the rows fetched.
  const entries = upward ? rows.slice(-limit) : rows.slice(0, limit);
  const more = rows.length > limit;
  const [newest, oldest] = [entries[0], entries.at(-1)];
  return {
    entries,
    olderBefore: oldest && (upward ? row.beyond : more) ? oldest.id : null,
    newerAfter: newest && (upward ? more : row.beyond) ? newest.id : null,
    members: row.members,
  };
}

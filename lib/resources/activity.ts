import { z } from "zod";
import { actorName } from "@/lib/activity/actors";
import type { ActivityEntry } from "@/lib/activity/events";

/** An entry of the activity log as the API shows it. */
export const activityResource = z.object({
  id: z.string().describe("Ascending; pass the last one seen as cursor for the next page"),
  action: z.string().describe("member.joined, customer.created, webhook.disabled..."),
  actor: z.string().nullable().describe("Who did it, to show: a name, an email, Stripe, or API key “Sync”, created by Ada Lovelace"),
  api_key: z
    .object({ id: z.string(), name: z.string().describe("The key's name when it acted") })
    .nullable()
    .describe("The API key the actor acted through, if any"),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }).nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type ActivityResource = z.infer<typeof activityResource>;


export function toActivityResource(entry: ActivityEntry): ActivityResource {
  return {
    id: String(entry.id),
    action: entry.action,
    actor: entry.actorLabel === null && !entry.apiKeyName ? null : actorName(entry),
    api_key: entry.apiKeyId && entry.apiKeyName !== null ? { id: entry.apiKeyId, name: entry.apiKeyName } : null,
    target: entry.targetType ? { type: entry.targetType, id: entry.targetId, label: entry.targetLabel } : null,
    metadata: entry.metadata,
    ip: entry.ip,
    created_at: entry.createdAt.toISOString(),
  };
}

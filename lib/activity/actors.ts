/**
 * An entry made through an API key: actor_id/actor_label are the key's creator (ctx.user),
 * these the key (ctx.actor), its name as it was then.
 */
/** Who did it, as the log shows it: "Ada Lovelace", or "API key “Sync”, created by Ada Lovelace". */
export function actorName(entry: { actorLabel: string | null; apiKeyName?: string | null }): string {
  if (!entry.apiKeyName) return entry.actorLabel ?? "Someone";
  const key = `API key “${entry.apiKeyName}”`;
  return entry.actorLabel ? `${key}, created by ${entry.actorLabel}` : key;
}

/**
 * Actors of the filter that are not one current member. Those with `storedLabel` record no
 * user (actor_id is null) and are known by the label recordActivity's callers store.
 * "API keys" cuts across the others: a key's entries are also its creator's.
 */
export const OTHER_ACTORS = [
  { value: "api-keys", label: "API keys" },
  { value: "former-members", label: "Former members" },
  { value: "deleted-accounts", label: "Deleted accounts", storedLabel: "Deleted user" },
  { value: "stripe", label: "Stripe (billing)", storedLabel: "Stripe" },
  { value: "webhooks", label: "Webhook deliveries", storedLabel: "Webhooks" },
] as const;
export type OtherActor = (typeof OTHER_ACTORS)[number]["value"];
export const OTHER_ACTOR_VALUES = OTHER_ACTORS.map((a) => a.value) as [OtherActor, ...OtherActor[]];

/** Who an entry filter asks for: one user (by id; a member or someone who was one), or one of the others. */
export type ActorFilter = { type: "user"; userId: string } | { type: "other"; actor: OtherActor };

/** The filter's value in a link, the inverse of the schema's reading. */
export const actorParam = (actor: ActorFilter) => (actor.type === "user" ? actor.userId : actor.actor);

/**
 * How an API request's entries are labelled: it acts as the key's creator (actor_id) under the
 * key's name, `API key “Sync”` (lib/api/handler.ts), so the label is what tells them apart.
 */
export const API_KEY_LABEL_PREFIX = "API key “";

/**
 * Actors of the filter that are not one current member. Those with `storedLabel` record no
 * user (actor_id is null) and are known by the label recordActivity's callers store.
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

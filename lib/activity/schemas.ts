import { z } from "zod";
import { OTHER_ACTOR_VALUES, type ActorFilter, type OtherActor } from "./actors";
import { ACTIVITY_KIND_VALUES, type ActivityKind } from "./kinds";

// The activity page's query: `actor` and `kind` (its filter form's two selects, which send ""
// for "everyone" and "everything"), and `before` or `after` (its page links).

const blank = (value: unknown) => (value === "" ? undefined : value);

/** A user id (the app's are UUIDs, which no other actor's value can be) or one of the other actors. */
export const actorSchema = z
  .string({ error: "Choose someone from the list." })
  .regex(/^[A-Za-z0-9_-]{1,255}$/, { error: "Choose someone from the list." })
  .transform((value): ActorFilter =>
    (OTHER_ACTOR_VALUES as readonly string[]).includes(value) ? { type: "other", actor: value as OtherActor } : { type: "user", userId: value },
  );

export const kindSchema = z.enum(ACTIVITY_KIND_VALUES, { error: "Choose a kind of activity from the list." });

/** An entry id from one of the page's own links: digits, no sign, a safe integer. */
export const entryIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number)
  .refine(Number.isSafeInteger);

export const activityFilterSchema = z.object({
  actor: z.preprocess(blank, actorSchema.optional()),
  kind: z.preprocess(blank, kindSchema.optional()),
});
export type ActivityFilter = { actor?: ActorFilter; kind?: ActivityKind };

/** At most one of the two: entries older than `before`, or newer than `after`. */
export const activityPagingSchema = z
  .object({ before: entryIdSchema.optional(), after: entryIdSchema.optional() })
  .refine((p) => p.before === undefined || p.after === undefined);
export type ActivityPaging = { before?: number; after?: number };

export type ActivityQuery = {
  filter: ActivityFilter;
  /** Filters the link asks for that no entry can match (a kind that does not exist, a mangled actor). */
  unknown: ("actor" | "kind")[];
  paging: ActivityPaging;
  /** A page link that could not be used: the list then starts from the newest entry. */
  pagingIgnored: boolean;
};

/** The page's reading of its URL. Never throws: what it cannot use is reported, not refused. */
export function readActivityQuery(raw: Record<string, string | string[] | undefined>): ActivityQuery {
  const filter: ActivityFilter = {};
  const unknown: ActivityQuery["unknown"] = [];
  const actor = activityFilterSchema.shape.actor.safeParse(raw.actor);
  if (actor.success) filter.actor = actor.data;
  else unknown.push("actor");
  const kind = activityFilterSchema.shape.kind.safeParse(raw.kind);
  if (kind.success) filter.kind = kind.data;
  else unknown.push("kind");
  const paging = activityPagingSchema.safeParse({ before: blank(raw.before), after: blank(raw.after) });
  return { filter, unknown, paging: paging.success ? paging.data : {}, pagingIgnored: !paging.success };
}

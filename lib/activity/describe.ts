import { RESOURCES, type Resource } from "@/db/resources";
import type { ResourceVerb } from "@/db/resource";
import { ROLE_LABELS, isRole } from "@/lib/permissions/roles";
import type { ActivityEntry } from "./events";

const roleLabel = (value: unknown) => (isRole(value) ? ROLE_LABELS[value] : String(value ?? "?"));

const RESOURCE_PHRASES: Record<ResourceVerb, (one: string, target: string) => string> = {
  created: (one, target) => `added the ${one} ${target}`,
  updated: (one, target) => `edited the ${one} ${target}`,
  deleted: (one, target) => `deleted the ${one} ${target}`,
  restored: (one, target) => `undid the deletion of the ${one} ${target}`,
};
const RESOURCE_BY_EVENT = new Map<string, Resource>(RESOURCES.map((r) => [r.event, r]));

/** "added the customer Ada" for a declared resource's entry; null for any other entry. */
function describeResourceAction(action: string, target: string): string | null {
  const [event, verb] = action.split(".");
  const resource = RESOURCE_BY_EVENT.get(event ?? "");
  return resource && (resource.activity as readonly string[]).includes(verb ?? "") ? RESOURCE_PHRASES[verb as ResourceVerb](resource.label.one, target) : null;
}

/** The entry as a phrase that follows the actor's name: "invited ada@x.com as Member". */
export function describeActivity(entry: Pick<ActivityEntry, "action" | "targetLabel" | "metadata">): string {
  const target = entry.targetLabel ?? "someone";
  const meta = entry.metadata ?? {};
  const resourcePhrase = describeResourceAction(entry.action, target);
  if (resourcePhrase) return resourcePhrase;
  switch (entry.action) {
    case "tenant.created":
      return "created the workspace";
    case "tenant.renamed":
      return `renamed the workspace from “${String(meta.from)}” to “${String(meta.to)}”`;
    case "tenant.deleted":
      return "deleted the workspace";
    case "tenant.restored":
      return "restored the workspace";
    case "tenant.exported":
      return "exported the workspace's data";
    case "tenant.ownership_transferred":
      return `transferred ownership to ${target}`;
    case "member.invited":
      return `invited ${target} as ${roleLabel(meta.role)}`;
    case "invitation.resent":
      return `resent the invitation to ${target}`;
    case "invitation.revoked":
      return `revoked the invitation to ${target}`;
    case "invitation.declined":
      return "declined the invitation";
    case "invite_link.created":
      return `created an invite link to join as ${roleLabel(meta.role)}${meta.maxUses ? ` (up to ${String(meta.maxUses)} uses)` : ""}`;
    case "invite_link.used":
      // member.joined says who joined as what; this says how much of the link is left.
      return `used an invite link${typeof meta.uses === "number" ? ` (use ${meta.uses}${meta.maxUses ? ` of ${String(meta.maxUses)}` : ""})` : ""}`;
    case "invite_link.revoked":
      return `revoked an invite link${meta.role ? ` to join as ${roleLabel(meta.role)}` : ""}${typeof meta.uses === "number" ? ` (${meta.uses === 0 ? "never used" : meta.uses === 1 ? "used once" : `used ${meta.uses} times`})` : ""}`;
    case "member.joined":
      return `joined as ${roleLabel(meta.role)}${meta.via === "domain" ? ` through the verified domain ${String(meta.domain ?? "")}` : meta.via === "invite_link" ? " through an invite link" : ""}`;
    case "domain.added":
      return `claimed the domain ${target}`;
    case "domain.verified":
      return `verified the domain ${target} (${meta.method === "email" ? "by a verified email address" : "by a DNS record"})`;
    case "domain.mode_changed":
      return `set the domain ${target} to ${meta.mode === "automatic" ? "join automatically" : "suggest this workspace"}${meta.role ? ` as ${roleLabel(meta.role)}` : ""}`;
    case "domain.removed":
      return `removed the domain ${target}`;
    case "member.role_changed":
      return `changed ${target}’s role from ${roleLabel(meta.from)} to ${roleLabel(meta.to)}`;
    case "member.removed":
      return `removed ${target}`;
    case "member.left":
      return "left the workspace";
    case "api_key.created":
      return `created the API key ${target} (${((meta.scopes as string[] | undefined) ?? []).join(", ")})`;
    case "api_key.revoked":
      return `revoked the API key ${target}`;
    case "webhook.created":
      return `added the webhook endpoint ${target}`;
    case "webhook.updated":
      return `changed the webhook endpoint ${target}`;
    case "webhook.secret_rotated":
      return `rotated the signing secret of the webhook endpoint ${target}`;
    case "webhook.deleted":
      return `deleted the webhook endpoint ${target}`;
    case "webhook.disabled":
      return `disabled the webhook endpoint ${target} after ${String(meta.days ?? 5)} days of failed deliveries`;
    case "account.exported":
      return "exported their account's data";
    case "account.deleted":
      return "deleted their account";
    case "billing.plan_changed":
      return `changed the plan from ${String(meta.from ?? "?")} to ${String(meta.to ?? "?")}`;
    case "billing.seats_corrected":
      return `found ${String(meta.stripe ?? "?")} seats set in Stripe for ${meta.members === 1 ? "1 member" : `${String(meta.members ?? "?")} members`}, and set them back to ${String(meta.set ?? meta.members ?? "?")}`;
    case "billing.trial_started":
      return `started a ${String(meta.days ?? "?")}-day free trial of ${String(meta.plan ?? "?")}`;
    case "billing.trial_ended":
      return meta.outcome === "converted" ? `ended the ${String(meta.plan ?? "?")} trial with a subscription` : `ended the ${String(meta.plan ?? "?")} trial: back to Free`;
    default:
      return entry.action;
  }
}

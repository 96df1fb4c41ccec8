import { RESOURCES, type Resource } from "@/db/resources";

/** What the log records of declared resources: `<event>.<verb>` for each verb its declaration lists. */
type ResourceAction = { [R in Resource as R["event"]]: `${R["event"]}.${R["activity"][number]}` }[Resource["event"]];
const RESOURCE_ACTIONS = RESOURCES.flatMap((r) => r.activity.map((verb) => `${r.event}.${verb}`)) as ResourceAction[];

/** The workspace's own kinds of entry; each declared resource adds its own (db/resources.ts). */
const WORKSPACE_ACTIONS = [
  "tenant.created",
  "tenant.renamed",
  "tenant.ownership_transferred",
  "tenant.deleted",
  "tenant.restored",
  "tenant.exported",
  "member.invited",
  "invitation.resent",
  "invitation.revoked",
  "invitation.declined",
  "invite_link.created",
  "invite_link.used",
  "invite_link.revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "billing.plan_changed",
  "billing.seats_corrected",
  "billing.trial_started",
  "billing.trial_ended",
  "api_key.created",
  "api_key.revoked",
  "webhook.created",
  "webhook.updated",
  "webhook.secret_rotated",
  "webhook.deleted",
  "webhook.disabled",
  "domain.added",
  "domain.verified",
  "domain.mode_changed",
  "domain.removed",
  "account.exported",
  "account.deleted",
] as const;
export type ActivityAction = (typeof WORKSPACE_ACTIONS)[number] | ResourceAction;

/** Every kind of entry in the activity log. */
export const ACTIVITY_ACTIONS: readonly ActivityAction[] = [...RESOURCE_ACTIONS, ...WORKSPACE_ACTIONS];

export type ActivityTarget = {
  type: "user" | "invitation" | "invite_link" | "domain" | "tenant" | "api_key" | "export" | "webhook" | Resource["event"];
  id: string;
  label: string | null;
};

export type ActivityEntry = {
  id: number;
  action: string;
  actorLabel: string | null;
  /** The key an API request acted through (its creator is the actor); null for everything else. */
  apiKeyId: string | null;
  apiKeyName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  metadata: Record<string, unknown> | null;
  ip: string | null;
  createdAt: Date;
};

/** Every kind of entry in the activity log. Later features add theirs here. */
export const ACTIVITY_ACTIONS = [
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
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "customer.restored",
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
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export type ActivityTarget = { type: "user" | "invitation" | "invite_link" | "domain" | "tenant" | "customer" | "api_key" | "export" | "webhook"; id: string; label: string | null };

export type ActivityEntry = {
  id: number;
  action: string;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  metadata: Record<string, unknown> | null;
  ip: string | null;
  createdAt: Date;
};

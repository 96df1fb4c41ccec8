/** What an endpoint can subscribe to, with what each means. Payloads: ./payloads.ts. */
export const WEBHOOK_EVENT_TYPES = {
  "customer.created": "A customer was added",
  "customer.updated": "A customer's details changed",
  "customer.deleted": "A customer was deleted",
  "member.joined": "Someone joined the workspace",
  "member.role_changed": "A member's role changed",
  "member.removed": "A member was removed, left, or deleted their account",
  "invitation.created": "Someone was invited",
  "invitation.accepted": "An invitation was accepted",
  "invitation.revoked": "An invitation was revoked",
  "subscription.changed": "The workspace's plan or subscription status changed",
  "workspace.deleted": "The workspace was deleted",
} as const;
export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export const WEBHOOK_EVENT_TYPE_IDS = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];

/** Sent only by "Send test event", to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === "string" && Object.hasOwn(WEBHOOK_EVENT_TYPES, value);
}

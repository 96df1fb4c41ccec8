import { z } from "zod";
import { PLAN_IDS } from "@/lib/plans/plans";
import { ROLES } from "@/lib/permissions/roles";
import { customerResource } from "@/lib/resources/customer";
import { invitationResource } from "@/lib/resources/invitation";
import { memberResource } from "@/lib/resources/member";
import { workspaceResource } from "@/lib/resources/workspace";
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";

/** Bumped, with a new schema beside the old, only when a payload changes incompatibly. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/** The `data` of each event type. Adding a field is compatible; removing or changing one is a new version. */
export const WEBHOOK_EVENT_DATA = {
  "customer.created": z.object({ customer: customerResource }),
  "customer.updated": z.object({ customer: customerResource, changed: z.array(z.string()).describe("The fields that changed") }),
  "customer.deleted": z.object({ customer: customerResource.describe("The customer as it was") }),
  "member.joined": z.object({ member: memberResource, invitation_id: z.uuid().nullable() }),
  "member.role_changed": z.object({ member: memberResource, previous_role: z.enum(ROLES) }),
  "member.removed": z.object({ member: memberResource, reason: z.enum(["removed", "left", "account_deleted"]) }),
  "invitation.created": z.object({ invitation: invitationResource }),
  "invitation.accepted": z.object({ invitation: invitationResource, user_id: z.string() }),
  "invitation.revoked": z.object({ invitation: invitationResource }),
  "subscription.changed": z.object({
    plan: z.enum(PLAN_IDS),
    previous_plan: z.enum(PLAN_IDS),
    status: z.string().nullable().describe("Stripe's subscription status (active, trialing, past_due, canceled...), null on Free"),
  }),
  "workspace.deleted": z.object({ workspace: workspaceResource }),
} as const satisfies Record<WebhookEventType, z.ZodType>;

export const testEventData = z.object({ message: z.string() });

export type WebhookEventData<T extends WebhookEventType> = z.input<(typeof WEBHOOK_EVENT_DATA)[T]>;
/** One event to emit: its type and data, checked together. */
export type WebhookEventInput = { [T in WebhookEventType]: { type: T; data: WebhookEventData<T> } }[WebhookEventType];

/** The body of every delivery: the Standard Webhooks shape (type, timestamp, data) plus id, version and workspace. */
export function envelopeSchema(type: string, data: z.ZodType, description: string) {
  return z
    .object({
      id: z.string().describe("The event's id, also sent as the webhook-id header; the same on every retry and resend"),
      type: z.literal(type),
      version: z.literal(WEBHOOK_PAYLOAD_VERSION),
      timestamp: z.iso.datetime().describe("When it happened"),
      workspace_id: z.uuid(),
      data,
    })
    .describe(description);
}

export const WEBHOOK_ENVELOPES = {
  ...Object.fromEntries(
    Object.entries(WEBHOOK_EVENT_DATA).map(([type, data]) => [type, envelopeSchema(type, data, WEBHOOK_EVENT_TYPES[type as WebhookEventType])]),
  ),
  [TEST_EVENT_TYPE]: envelopeSchema(TEST_EVENT_TYPE, testEventData, "Sent by “Send test event”, to one endpoint"),
} as Record<string, z.ZodType>;

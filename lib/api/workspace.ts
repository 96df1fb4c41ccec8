import { z } from "zod";
import { inviteSchema } from "@/lib/invitations/schemas";
import { webhookEndpointPatchSchema, webhookEndpointSchema } from "@/lib/webhooks/schemas";

// API bodies and queries beyond customers, from the schemas the forms use; unknown fields are refused.

export const invitationCreateBody = z.strictObject(inviteSchema.shape);

export const webhookEndpointCreateBody = z
  .strictObject({ url: webhookEndpointSchema.shape.url, description: webhookEndpointSchema.shape.description, event_types: webhookEndpointSchema.shape.eventTypes })
  .transform(({ event_types, ...rest }) => ({ ...rest, eventTypes: event_types }));

export const webhookEndpointPatchBody = z
  .strictObject({
    url: webhookEndpointPatchSchema.shape.url,
    description: webhookEndpointPatchSchema.shape.description,
    event_types: webhookEndpointSchema.shape.eventTypes.optional(),
    enabled: webhookEndpointPatchSchema.shape.enabled,
  })
  .transform(({ event_types, ...rest }) => ({ ...rest, ...(event_types === undefined ? {} : { eventTypes: event_types }) }));

const cursorError = "cursor must be a next_cursor from an earlier page.";
const limitError = "limit must be a whole number from 1 to 100.";

/** GET /activity: newest first, after `cursor`. */
export const activityQuerySchema = z.object({
  cursor: z
    .string({ error: cursorError })
    .regex(/^[1-9][0-9]{0,15}$/, { error: cursorError })
    .optional()
    .meta({ description: "The next_cursor of the previous page" }),
  limit: z
    .string({ error: limitError })
    .regex(/^[0-9]{1,3}$/, { error: limitError })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, { error: limitError })
    .optional()
    .meta({ description: "Entries per page, 1 to 100 (default 50)" }),
});

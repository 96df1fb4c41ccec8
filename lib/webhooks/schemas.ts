import { z } from "zod";
import { text } from "@/lib/validation/text";
import { WEBHOOK_EVENT_TYPE_IDS, type WebhookEventType } from "./event-types";

export const URL_MAX = 2000;

const url = text({ max: URL_MAX, label: "URL", required: "Enter the URL to send events to.", invalidType: "Enter the URL to send events to." }).refine(
  (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
  { error: "Enter a full URL, like https://example.com/webhooks." },
);

// Form checkboxes send one value per box; the API sends an array. Empty means every event type.
const eventTypes = z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPE_IDS, { error: "Unknown event type." }))
    .max(WEBHOOK_EVENT_TYPE_IDS.length)
    .transform((list) => [...new Set(list)]),
);

/** An endpoint's settings: the form, the server action and the REST API all use this. */
export const webhookEndpointSchema = z.object({
  url,
  description: text({ max: 200, label: "Description" }).default(""),
  eventTypes: eventTypes.meta({ description: "The event types to receive; empty (or left out) for all of them" }),
});
export type WebhookEndpointInput = Omit<z.input<typeof webhookEndpointSchema>, "eventTypes"> & { eventTypes?: WebhookEventType[] };

/** A change to some settings, and whether the endpoint receives events. */
export const webhookEndpointPatchSchema = webhookEndpointSchema.partial().extend({
  enabled: z.boolean({ error: "enabled must be true or false." }).optional(),
});
export type WebhookEndpointPatch = Partial<WebhookEndpointInput> & { enabled?: boolean };

/** The form adds a choice between every event and a selection, which must not be empty. */
export const webhookEndpointFormSchema = webhookEndpointSchema
  .extend({ events: z.enum(["all", "selected"], { error: "Choose which events to send." }).default("all") })
  .superRefine((value, ctx) => {
    if (value.events === "selected" && value.eventTypes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["eventTypes"], message: "Choose at least one event, or send all of them." });
    }
  })
  .transform(({ events, ...value }) => ({ ...value, eventTypes: events === "all" ? [] : value.eventTypes }));

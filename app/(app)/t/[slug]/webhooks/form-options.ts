import "server-only";
import { destinationPolicy } from "@/lib/webhooks/destination";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_TYPE_IDS } from "@/lib/webhooks/event-types";

/** What the endpoint forms offer: the event types, and what the URL may be here. */
export const eventTypeOptions = () => WEBHOOK_EVENT_TYPE_IDS.map((id) => ({ id, label: WEBHOOK_EVENT_TYPES[id] }));
export const urlHint = () => (destinationPolicy().allowPrivate ? "https, or http to localhost while developing." : "https, to a public address.");

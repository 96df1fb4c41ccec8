import type { z } from "zod";
import { resourceSchemas } from "./openapi-resources";
import { activityQuerySchema, invitationCreateBody, webhookEndpointCreateBody, webhookEndpointPatchBody } from "./workspace";
import { always, idempotencyKeyHeader, json, jsonSchema, status } from "./openapi-parts";
import { WEBHOOK_ENVELOPES } from "@/lib/webhooks/payloads";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const data = (schema: object, description: string) => ({
  description,
  content: json({ type: "object", properties: { data: schema }, required: ["data"], additionalProperties: false }),
});
const list = (name: string, description: string, paged = false) => ({
  description,
  content: json({
    type: "object",
    required: paged ? ["data", "next_cursor"] : ["data"],
    additionalProperties: false,
    properties: { data: { type: "array", items: ref(name) }, ...(paged ? { next_cursor: { type: ["string", "null"] } } : {}) },
  }),
});
const idParam = (what: string) => ({ name: "id", in: "path", required: true, description: `The ${what}'s id`, schema: { type: "string", format: "uuid" } });
const body = (schema: object) => ({ required: true, content: json(schema) });
const notFound = (what: string) => ({ ...status.notFound, description: `No such ${what} in this workspace (not_found). An id that is not a UUID is not found either.` });
const writes = { "400": status.invalidJson, "413": status.tooLarge, "415": status.notJson, "422": status.badBody };
const creates = { ...writes, "409": status.conflict };

const queryParameters = (schema: z.ZodType) =>
  Object.entries((jsonSchema(schema) as { properties: Record<string, { description?: string }> }).properties).map(([name, { description, ...rest }]) => ({
    name,
    in: "query",
    required: false,
    description,
    schema: rest,
  }));

/** Schemas the operations below refer to. */
export function workspaceSchemas() {
  return {
    ...resourceSchemas(),
    InvitationInput: jsonSchema(invitationCreateBody),
    WebhookEndpointInput: jsonSchema(webhookEndpointCreateBody),
    WebhookEndpointPatch: jsonSchema(webhookEndpointPatchBody),
  };
}

/** The workspace, its members, invitations, activity and webhook endpoints. */
export function workspacePaths() {
  return {
    "/workspace": {
      get: {
        operationId: "getWorkspace",
        tags: ["Workspace"],
        summary: "Read the workspace the key belongs to",
        description: "Scope workspace:read.",
        responses: { "200": data(ref("Workspace"), "The workspace"), ...always, "403": status.forbidden },
      },
    },
    "/members": {
      get: {
        operationId: "listMembers",
        tags: ["Workspace"],
        summary: "List the members, in the order they joined",
        description: "Scope members:read.",
        responses: { "200": list("Member", "Every member"), ...always, "403": status.forbidden },
      },
    },
    "/invitations": {
      get: {
        operationId: "listInvitations",
        tags: ["Workspace"],
        summary: "List pending invitations (expired ones included, until resent or revoked)",
        description: "Scope invitations:read.",
        responses: { "200": list("Invitation", "Pending invitations, oldest first"), ...always, "403": status.forbidden },
      },
      post: {
        operationId: "createInvitation",
        tags: ["Workspace"],
        summary: "Invite someone by email",
        description: "Scope invitations:write. The role can be at most the key creator's own; the invitation email goes out at once.",
        parameters: [idempotencyKeyHeader],
        requestBody: body(ref("InvitationInput")),
        responses: {
          "201": data(ref("Invitation"), "The new invitation"),
          ...always,
          ...creates,
          "403": error403("the plan's member limit is reached (limit_reached)"),
        },
      },
    },
    "/invitations/{id}": {
      parameters: [idParam("invitation")],
      delete: {
        operationId: "revokeInvitation",
        tags: ["Workspace"],
        summary: "Revoke a pending invitation",
        description: "Scope invitations:write. Its link stops working.",
        responses: { "204": { description: "Revoked" }, ...always, "403": status.forbidden, "404": notFound("pending invitation") },
      },
    },
    "/activity": {
      get: {
        operationId: "listActivity",
        tags: ["Workspace"],
        summary: "Read the activity log, newest first",
        description: "Scope activity:read. Follow next_cursor for older entries.",
        parameters: queryParameters(activityQuerySchema),
        responses: { "200": list("ActivityEntry", "A page of entries", true), ...always, "403": status.forbidden, "422": status.badQuery },
      },
    },
    "/webhook-endpoints": {
      get: {
        operationId: "listWebhookEndpoints",
        tags: ["Webhooks"],
        summary: "List webhook endpoints",
        description: "Scope webhooks:read.",
        responses: { "200": list("WebhookEndpoint", "Every endpoint, oldest first"), ...always, "403": status.forbidden },
      },
      post: {
        operationId: "createWebhookEndpoint",
        tags: ["Webhooks"],
        summary: "Add a webhook endpoint",
        description:
          "Scope webhooks:write. The answer holds the signing secret, once: store it to verify deliveries with any Standard Webhooks library. The URL must be https and reach a public address.",
        parameters: [idempotencyKeyHeader],
        requestBody: body(ref("WebhookEndpointInput")),
        responses: {
          "201": data(ref("WebhookEndpointWithSecret"), "The new endpoint, with its secret"),
          ...always,
          ...creates,
          "403": error403("the plan's endpoint limit is reached (limit_reached)"),
        },
      },
    },
    "/webhook-endpoints/{id}": {
      parameters: [idParam("webhook endpoint")],
      get: {
        operationId: "getWebhookEndpoint",
        tags: ["Webhooks"],
        summary: "Read a webhook endpoint",
        description: "Scope webhooks:read.",
        responses: { "200": data(ref("WebhookEndpoint"), "The endpoint"), ...always, "403": status.forbidden, "404": notFound("webhook endpoint") },
      },
      patch: {
        operationId: "updateWebhookEndpoint",
        tags: ["Webhooks"],
        summary: "Change a webhook endpoint, or enable or disable it",
        description: "Scope webhooks:write. Enabling an endpoint that was disabled for failing starts its failure count afresh.",
        requestBody: body(ref("WebhookEndpointPatch")),
        responses: { "200": data(ref("WebhookEndpoint"), "The changed endpoint"), ...always, ...writes, "403": status.forbidden, "404": notFound("webhook endpoint") },
      },
      delete: {
        operationId: "deleteWebhookEndpoint",
        tags: ["Webhooks"],
        summary: "Delete a webhook endpoint and its delivery log",
        description: "Scope webhooks:write.",
        responses: { "204": { description: "Deleted" }, ...always, "403": status.forbidden, "404": notFound("webhook endpoint") },
      },
    },
  };
}

function error403(extra: string) {
  return { ...status.forbidden, description: `The key lacks the scope, or its creator is no longer a member (forbidden); or ${extra}` };
}

/**
 * What the app POSTs to an endpoint: one entry per event type (OpenAPI 3.1 `webhooks`), each
 * signed per Standard Webhooks with the webhook-id, webhook-timestamp and webhook-signature headers.
 */
export function webhookDocuments() {
  const headers = [
    { name: "webhook-id", in: "header", required: true, description: "The event's id: the same on every retry and resend; skip one you have", schema: { type: "string" } },
    { name: "webhook-timestamp", in: "header", required: true, description: "When this attempt was signed, in Unix seconds", schema: { type: "string" } },
    {
      name: "webhook-signature",
      in: "header",
      required: true,
      description: "v1,<base64 HMAC-SHA256>, one per signing secret (two for 24 hours after a rotation), space-separated",
      schema: { type: "string" },
    },
  ];
  return Object.fromEntries(
    Object.entries(WEBHOOK_ENVELOPES).map(([type, schema]) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\W/g, "_")}`,
          tags: ["Webhooks"],
          summary: type in WEBHOOK_EVENT_TYPES ? WEBHOOK_EVENT_TYPES[type as keyof typeof WEBHOOK_EVENT_TYPES] : schema.description,
          parameters: headers,
          requestBody: { required: true, content: json(jsonSchema(schema, "output")) },
          responses: {
            "2XX": { description: "Received. Anything else (or no answer within 10 s) is retried with backoff for about three days; redirects are not followed." },
          },
        },
      },
    ]),
  );
}

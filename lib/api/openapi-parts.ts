import { z } from "zod";
import { MAX_BODY_BYTES } from "./body";

// Pieces every part of the OpenAPI document is built from.

export const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "input") => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

export const json = (schema: object) => ({ "application/json": { schema } });
export const error = (description: string, headers?: object) => ({ description, content: json({ $ref: "#/components/schemas/Error" }), ...(headers ? { headers } : {}) });

// Every status an operation can answer, so a client (and the contract test) knows them all.
export const status = {
  invalidJson: error("The body is not valid JSON (invalid_json)"),
  unauthorized: error("Missing, unknown, revoked or expired API key (unauthorized)", {
    "WWW-Authenticate": { required: true, description: "Always Bearer", schema: { type: "string" } },
  }),
  forbidden: error("The key lacks the scope, or its creator is no longer a member (forbidden)"),
  forbiddenOrLimit: error("The key lacks the scope, or its creator is no longer a member (forbidden); or the plan's customer limit is reached (limit_reached)"),
  notFound: error("No such customer in this workspace (not_found). An id that is not a UUID is not found either."),
  tooLarge: error(`The body is over ${MAX_BODY_BYTES / 1024} KB (payload_too_large)`),
  notJson: error("The body is not sent as Content-Type: application/json, UTF-8 (unsupported_media_type)"),
  badBody: error(
    "Invalid or unknown fields, or a body that is not a JSON object (validation_failed); details name each field. On a POST, also: an invalid Idempotency-Key (validation_failed), or one used before for another request (idempotency_key_reused)",
  ),
  badQuery: error("A query parameter is invalid or repeated (validation_failed); details name each parameter"),
  rateLimited: error("Too many requests for this key (rate_limited)", {
    "Retry-After": { required: true, description: "Seconds to wait", schema: { type: "integer", minimum: 1 } },
  }),
  conflict: error("A request with this Idempotency-Key is still running (idempotency_in_progress); retry", {
    "Retry-After": { required: true, description: "Seconds to wait", schema: { type: "integer", minimum: 1 } },
  }),
  internal: error("Something went wrong on our side (internal_error)"),
  unavailable: error("The database is unavailable; retry", {
    "Retry-After": { required: false, description: "Seconds to wait", schema: { type: "integer", minimum: 1 } },
  }),
};
export const always = { "401": status.unauthorized, "429": status.rateLimited, "500": status.internal, "503": status.unavailable };


export const idempotencyKeyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any unique string (a UUID) of 1 to 255 printable ASCII characters. A retry with the same key and the same body within 24 hours gets the first success again, with Idempotent-Replayed: true, instead of a second write; the same key with another body is a 422.",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
};

// Stripe's error replies, in the shape and with the status the real API uses.
import type Stripe from "stripe";

/** An answer of the fake; `refused` marks a request turned down before the endpoint ran. */
export type Reply = { status: number; body: unknown; headers?: Record<string, string>; refused?: true };

export function stripeError(status: number, error: Stripe.StripeRawError): Reply {
  const docUrl = error.code ? { doc_url: `https://stripe.com/docs/error-codes/${error.code.replaceAll("_", "-")}` } : {};
  return { status, body: { error: { ...error, ...docUrl } satisfies Stripe.StripeRawError } };
}

export const unknownParameter = (param: string) =>
  stripeError(400, { type: "invalid_request_error", code: "parameter_unknown", param, message: `Received unknown parameter: ${param}` });

export const missingParameter = (param: string) =>
  stripeError(400, { type: "invalid_request_error", code: "parameter_missing", param, message: `Missing required param: ${param}.` });

export const invalidParameter = (param: string, message: string, code?: string) =>
  stripeError(400, { type: "invalid_request_error", param, message, ...(code && { code }) });

/** A missing object: 404 when it is the one addressed by the URL, 400 when a parameter names it. */
export const noSuchObject = (kind: string, id: string, param: string, status: 400 | 404) =>
  stripeError(status, { type: "invalid_request_error", code: "resource_missing", param, message: `No such ${kind}: '${id}'` });

export const idempotencyMismatch = (key: string) =>
  stripeError(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });

export const idempotencyOtherEndpoint = (key: string, first: string, now: string) =>
  stripeError(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${first}' vs '${now}'). Try using a key other than '${key}' if you meant to execute a different request.`,
  });

export const unrecognizedUrl = (method: string, path: string) =>
  stripeError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` });

export const invalidApiKey = () => stripeError(401, { type: "invalid_request_error", message: "Invalid API Key provided" });

/** invoices/create_preview when nothing more will be billed. */
export const noUpcomingInvoice = (customer: string) =>
  stripeError(404, { type: "invalid_request_error", code: "invoice_upcoming_none", message: `No upcoming invoices for customer: ${customer}` });

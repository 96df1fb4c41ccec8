import { isDatabaseUnavailable } from "@/db/errors";
import { AppError, UserError, type ErrorCode, type ErrorLink, type FieldErrors } from "./index";

export const DATABASE_UNAVAILABLE_MESSAGE = "We can't reach the database right now. Nothing was saved; please try again in a moment.";

/** Who reads the message: a person at a form, or an API client. */
export type Audience = "form" | "api";

export type ErrorDescription = {
  code: ErrorCode;
  /** The HTTP status this code answers with. */
  status: number;
  /** For a person; never the cause of an unexpected error. */
  message: string;
  fieldErrors?: FieldErrors;
  link?: ErrorLink;
  /** False for a fault on our side (the database down, a bug): those are logged. */
  expected: boolean;
  /** When to retry, for a passing outage. */
  retryAfterSeconds?: number;
};

export const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  limit_reached: 403,
  not_found: 404,
  forbidden: 403,
  unavailable: 503,
  internal_error: 500,
};

// What a person is told of a fault on our side: never its cause.
const FAULT_MESSAGES: Record<"unavailable" | "internal_error", Record<Audience, string>> = {
  unavailable: { form: DATABASE_UNAVAILABLE_MESSAGE, api: "The database is unavailable. Retry in a moment." },
  internal_error: { form: "Something went wrong on our side. Please try again.", api: "Something went wrong on our side." },
};

// A form acted on something that was on the page, so "not found" there means removed
// since; the API names what it could not find.
const NOT_FOUND_IN_A_FORM = "It no longer exists.";

const LOG_PREFIX: Record<Audience, string> = { form: "Action failed", api: "API request failed" };

/** The code of any error, without logging: for a page that branches on it. */
export function errorCode(error: unknown): ErrorCode {
  if (error instanceof AppError) return error.code;
  return isDatabaseUnavailable(error) ? "unavailable" : "internal_error";
}

// The same error described twice (a helper, then a boundary) is logged the first time.
const logged = new WeakSet<object>();

function logOnce(error: unknown, line: string, detail: unknown): void {
  if (typeof error === "object" && error !== null) {
    if (logged.has(error)) return;
    logged.add(error);
  }
  console.error(line, detail);
}

/**
 * The one translation of an error into what its audience is told: the code, its HTTP
 * status, a message for a person, and the fields and link to fix it. An error the app
 * did not throw on purpose is logged and described generically.
 */
export function describeError(error: unknown, audience: Audience = "form"): ErrorDescription {
  const code = errorCode(error);
  const status = STATUS[code];
  if (error instanceof UserError) {
    const { message, fieldErrors, link } = error;
    return { code, status, message, expected: true, ...(fieldErrors && { fieldErrors }), ...(link && { link }) };
  }
  if (error instanceof AppError) {
    return { code, status, message: code === "not_found" && audience === "form" ? NOT_FOUND_IN_A_FORM : error.message, expected: true };
  }
  if (code === "unavailable") {
    // The driver's error, not drizzle's wrapper that repeats the whole query.
    logOnce(error, `${LOG_PREFIX[audience]}: the database is unavailable`, (error as { cause?: unknown }).cause ?? error);
    return { code, status, message: FAULT_MESSAGES.unavailable[audience], expected: false, retryAfterSeconds: 5 };
  }
  logOnce(error, LOG_PREFIX[audience], error);
  return { code: "internal_error", status, message: FAULT_MESSAGES.internal_error[audience], expected: false };
}

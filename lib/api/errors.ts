import type { ErrorCode, FieldErrors } from "@/lib/errors";
import { describeError } from "@/lib/errors/describe";

/** The app's error codes, and those only the API's own checks raise. */
export type ApiErrorCode =
  | ErrorCode
  | "unauthorized"
  | "invalid_json"
  | "unsupported_media_type"
  | "payload_too_large"
  | "rate_limited"
  | "idempotency_key_reused"
  | "idempotency_in_progress";

/** An error the API answers with: `{ "error": { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): Response {
    return Response.json(
      { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } },
      { status: this.status, headers: this.headers },
    );
  }
}

/** The answer to any error an endpoint threw: its own ApiError as is, anything else as describeError says. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { status, code, message, fieldErrors, retryAfterSeconds } = describeError(error, "api");
  return new ApiError(status, code, message, fieldErrors, retryAfterSeconds === undefined ? undefined : { "Retry-After": String(retryAfterSeconds) });
}

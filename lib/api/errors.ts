import type { FieldErrors } from "@/lib/errors";

export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "validation_failed"
  | "invalid_json"
  | "unsupported_media_type"
  | "payload_too_large"
  | "limit_reached"
  | "rate_limited"
  | "idempotency_key_reused"
  | "idempotency_in_progress"
  | "unavailable"
  | "internal_error";

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

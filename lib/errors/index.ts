// Imported (for types) by client components through lib/actions/action-state.ts: no server-only here.

export type FieldErrors = Record<string, string[] | undefined>;

export type ErrorLink = { href: string; label: string };

/** The codes a person can fix, carried by a UserError. */
export type UserErrorCode = "validation_failed" | "limit_reached";

/**
 * What kind of failure an error is, stable for code to branch on and sent as is by the
 * API. The last two are never thrown as an AppError: describeError gives them to a
 * database outage and to anything unexpected.
 */
export type ErrorCode = UserErrorCode | "not_found" | "forbidden" | "unavailable" | "internal_error";

/** An error the app throws on purpose: its message is written for a person. */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
}

/** A problem the person can fix; its message is shown to them as is, with a link to the fix if any. */
export class UserError extends AppError {
  readonly code: UserErrorCode;

  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly link?: ErrorLink,
    options?: { code?: UserErrorCode },
  ) {
    super(message);
    this.name = "UserError";
    this.code = options?.code ?? "validation_failed";
  }
}

/** The row does not exist for this tenant (which includes: it belongs to another one). */
export class NotFoundError extends AppError {
  readonly code = "not_found";

  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

/** The caller is a member but their role lacks the permission. */
export class PermissionDeniedError extends AppError {
  readonly code = "forbidden";

  constructor(message = "You don't have permission to do that.") {
    super(message);
    this.name = "PermissionDeniedError";
  }
}

export type FieldErrors = Record<string, string[] | undefined>;

export type ErrorLink = { href: string; label: string };

/** A problem the person can fix; its message is shown to them as is, with a link to the fix if any. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly link?: ErrorLink,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The row does not exist for this tenant (which includes: it belongs to another one). */
export class NotFoundError extends Error {
  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

/** The caller is a member but their role lacks the permission. */
export class PermissionDeniedError extends Error {
  constructor(message = "You don't have permission to do that.") {
    super(message);
    this.name = "PermissionDeniedError";
  }
}

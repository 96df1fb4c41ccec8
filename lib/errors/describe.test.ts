// The one error mapping, through each of its adapters: a form's state, the API's answer, a page's outcome.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { notFound, redirect } from "next/navigation";
import { ApiError, toApiError } from "@/lib/api/errors";
import { LimitReachedError, TenantFullError } from "@/lib/plans/limits";
import { NotFoundError, PermissionDeniedError, UserError } from "./index";
import { DATABASE_UNAVAILABLE_MESSAGE, describeError, errorCode } from "./describe";
import { toActionError } from "@/lib/actions/action-error";
import { orNotFound, orNull, pageOutcome } from "./page";

const digestOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return String((error as { digest?: unknown }).digest ?? "");
  }
  return "";
};
const NOT_FOUND_DIGEST = digestOf(() => notFound());

async function answerOf(error: unknown) {
  const response = toApiError(error).toResponse();
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get("retry-after") };
}

const dbDown = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
// How drizzle wraps the driver's error: the query in the message, the driver's error as cause.
const wrappedDbDown = () => new Error("Failed query: select 1", { cause: dbDown() });

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  logged = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => logged.mockRestore());

describe("every app error carries a stable code", () => {
  it("by class, and a UserError may name its own", () => {
    expect(new UserError("Enter a name.").code).toBe("validation_failed");
    expect(new UserError("Full.", undefined, undefined, { code: "limit_reached" }).code).toBe("limit_reached");
    expect(new NotFoundError().code).toBe("not_found");
    expect(new PermissionDeniedError().code).toBe("forbidden");
    expect(new LimitReachedError("customers", 10, "Free", "/t/x/billing").code).toBe("limit_reached");
    expect(new TenantFullError("Acme", 3).code).toBe("limit_reached");
  });

  it("and what the app did not throw gets one too, without logging", () => {
    expect(errorCode(dbDown())).toBe("unavailable");
    expect(errorCode(wrappedDbDown())).toBe("unavailable");
    expect(errorCode(new Error("boom"))).toBe("internal_error");
    expect(errorCode("a string")).toBe("internal_error");
    expect(logged).not.toHaveBeenCalled();
  });
});

describe("validation_failed", () => {
  const error = () => new UserError("Enter a name.", { name: ["Enter a name."] }, { href: "/fix", label: "Fix it" });

  it("a form shows the message, the fields, the link and the values sent", () => {
    expect(toActionError(error(), { name: "" })).toEqual({
      status: "error",
      message: "Enter a name.",
      fieldErrors: { name: ["Enter a name."] },
      values: { name: "" },
      link: { href: "/fix", label: "Fix it" },
    });
  });

  it("the API answers 422 with the fields as details", async () => {
    expect(await answerOf(error())).toEqual({
      status: 422,
      body: { error: { code: "validation_failed", message: "Enter a name.", details: { name: ["Enter a name."] } } },
      retryAfter: null,
    });
  });

  it("is expected: nothing logged", () => {
    expect(describeError(error())).toMatchObject({ code: "validation_failed", status: 422, expected: true });
    expect(logged).not.toHaveBeenCalled();
  });
});

describe("limit_reached", () => {
  const error = () => new LimitReachedError("customers", 10, "Free", "/t/acme/billing");

  it("a form shows the message with the link to billing", () => {
    expect(toActionError(error())).toMatchObject({ status: "error", message: error().message, link: { href: "/t/acme/billing", label: "Go to billing" } });
  });

  it("the API answers 403 limit_reached, without details", async () => {
    expect(await answerOf(error())).toEqual({ status: 403, body: { error: { code: "limit_reached", message: error().message } }, retryAfter: null });
  });
});

describe("not_found", () => {
  it("a form says it no longer exists (it was on the page)", () => {
    expect(toActionError(new NotFoundError("Customer not found"), { id: "1" })).toEqual({ status: "error", message: "It no longer exists.", values: { id: "1" } });
  });

  it("the API answers 404 naming what it could not find", async () => {
    expect(await answerOf(new NotFoundError("Customer not found"))).toEqual({ status: 404, body: { error: { code: "not_found", message: "Customer not found" } }, retryAfter: null });
  });

  it("a page shows its 404 page", async () => {
    expect(digestOf(() => pageOutcome(new NotFoundError()))).toBe(NOT_FOUND_DIGEST);
    await expect(orNotFound(Promise.reject(new NotFoundError()))).rejects.toMatchObject({ digest: NOT_FOUND_DIGEST });
    expect(await orNull(Promise.reject(new NotFoundError()))).toBeNull();
  });
});

describe("forbidden", () => {
  it("a form shows the refusal, nothing more", () => {
    expect(toActionError(new PermissionDeniedError("Only owners can do that."))).toEqual({ status: "error", message: "Only owners can do that." });
  });

  it("the API answers 403 forbidden", async () => {
    expect(await answerOf(new PermissionDeniedError("Only owners can do that."))).toEqual({
      status: 403,
      body: { error: { code: "forbidden", message: "Only owners can do that." } },
      retryAfter: null,
    });
  });

  it("a page throws it on (the tenant page turns it into its no-access card)", async () => {
    const error = new PermissionDeniedError();
    expect(() => pageOutcome(error)).toThrow(error);
    await expect(orNotFound(Promise.reject(error))).rejects.toBe(error);
    await expect(orNull(Promise.reject(error))).rejects.toBe(error);
  });
});

describe("unavailable (the database cannot answer)", () => {
  it("a form says nothing was saved", () => {
    expect(toActionError(wrappedDbDown())).toEqual({ status: "error", message: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it("the API answers 503 with Retry-After", async () => {
    expect(await answerOf(dbDown())).toEqual({ status: 503, body: { error: { code: "unavailable", message: "The database is unavailable. Retry in a moment." } }, retryAfter: "5" });
  });

  it("is logged once, with the driver's error rather than the wrapper", () => {
    const error = wrappedDbDown();
    expect(describeError(error, "api")).toMatchObject({ code: "unavailable", status: 503, expected: false });
    describeError(error, "form");
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith("API request failed: the database is unavailable", error.cause);
  });

  it("a page throws it on to the error boundary", () => {
    const error = dbDown();
    expect(() => pageOutcome(error)).toThrow(error);
  });
});

describe("internal_error (anything unexpected)", () => {
  it("a form and the API say nothing of the cause", async () => {
    expect(toActionError(new Error("relation users does not exist"))).toEqual({ status: "error", message: "Something went wrong on our side. Please try again." });
    expect(await answerOf(new Error("relation users does not exist"))).toEqual({
      status: 500,
      body: { error: { code: "internal_error", message: "Something went wrong on our side." } },
      retryAfter: null,
    });
  });

  it("is logged once per error, even described twice", () => {
    const error = new Error("boom");
    describeError(error);
    describeError(error, "api");
    describeError(new Error("another"));
    expect(logged).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledWith("Action failed", error);
  });

  it("also for what is not an Error at all", () => {
    expect(describeError("a string")).toMatchObject({ code: "internal_error", status: 500, expected: false });
    expect(logged).toHaveBeenCalledWith("Action failed", "a string");
  });
});

describe("the API's own errors", () => {
  it("pass through as they are, headers and all", async () => {
    const own = new ApiError(429, "rate_limited", "Slow down.", undefined, { "Retry-After": "7" });
    expect(toApiError(own)).toBe(own);
    expect(await answerOf(own)).toEqual({ status: 429, body: { error: { code: "rate_limited", message: "Slow down." } }, retryAfter: "7" });
  });
});

describe("Next's own control flow", () => {
  it("redirect() and notFound() in an action reach Next, not the form", () => {
    expect(digestOf(() => toActionError(captured(() => redirect("/elsewhere"))))).toMatch(/^NEXT_REDIRECT/);
    expect(digestOf(() => toActionError(captured(() => notFound())))).toBe(NOT_FOUND_DIGEST);
    expect(logged).not.toHaveBeenCalled();
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

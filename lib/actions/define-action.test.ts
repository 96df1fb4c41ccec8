import { beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { signInAs } from "@/testing/fake-request";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NotFoundError, UserError } from "@/lib/errors";
import { DATABASE_UNAVAILABLE_MESSAGE, userAction } from "./define-action";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

beforeEach(async () => {
  await signInAs(await createUser());
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("a form action's errors", () => {
  it("say the database is unreachable when it is, and that nothing was saved", async () => {
    const action = userAction(z.object({ name: z.string() }), async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    });
    expect(await action({ status: "idle" }, form({ name: "x" }))).toMatchObject({ status: "error", message: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it("stay generic for anything unknown, saying nothing of the cause", async () => {
    const action = userAction(z.object({ name: z.string() }), async () => {
      throw new Error("relation users does not exist");
    });
    expect(await action({ status: "idle" }, form({ name: "x" }))).toMatchObject({ status: "error", message: "Something went wrong on our side. Please try again." });
  });
});

describe("a form action's known errors", () => {
  it("show a UserError's message, fields and link, and keep the values sent", async () => {
    const action = userAction(z.object({ name: z.string() }), async () => {
      throw new UserError("Pick another name.", { name: ["Taken."] }, { href: "/fix", label: "Fix it" });
    });
    expect(await action({ status: "idle" }, form({ name: "x" }))).toEqual({
      status: "error",
      message: "Pick another name.",
      fieldErrors: { name: ["Taken."] },
      values: { name: "x" },
      link: { href: "/fix", label: "Fix it" },
    });
  });

  it("say a thing removed since no longer exists", async () => {
    const action = userAction(z.object({}), async () => {
      throw new NotFoundError("Customer not found");
    });
    expect(await action({ status: "idle" }, form({}))).toMatchObject({ status: "error", message: "It no longer exists." });
  });

  it("let redirect() reach Next", async () => {
    const action = userAction(z.object({}), async () => redirect("/elsewhere"));
    await expect(action({ status: "idle" }, form({}))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});

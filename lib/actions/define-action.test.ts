import { beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { signInAs } from "@/testing/fake-request";
import { z } from "zod";
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

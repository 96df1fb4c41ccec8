// The account page's picture and address forms, called as the forms call them: hostile
// input gets a message (never the generic failure), and a refused input changes nothing.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { createUser } from "@/db/factories";
import { emailChanges, userAvatars, users } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { listOutbox } from "@/lib/email/outbox";
import { deliverQueuedMail } from "@/testing/jobs";
import { newRequest, signInAs } from "@/testing/fake-request";
import { AVATAR_MAX_BYTES, AVATAR_TOO_BIG } from "@/lib/users/avatar-format";
import { cancelEmailChangeAction, removeAvatarAction, requestEmailChangeAction, uploadAvatarAction } from "./actions";
import { confirmEmailChangeAction } from "./confirm-email/[token]/actions";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({ signIn: async () => {}, signOut: async () => {} }));

const GENERIC = "Something went wrong on our side. Please try again.";
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const HOSTILE = ["\u0000", "\u0007", "x".repeat(100_000), "<script>alert(1)</script>", "'; drop table users; --", "ＡＢＣ@ｅｘａｍｐｌｅ.ｃｏｍ", "\uD800", ""];

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;
const form = (fields: Record<string, string | Blob | (string | Blob)[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
  return data;
};
const run = (action: Action, fields: Record<string, string | Blob | (string | Blob)[]>) => action({ status: "idle" }, form(fields));

async function outcome(promise: Promise<ActionState>): Promise<ActionState | { status: "redirect"; to: string }> {
  try {
    return await promise;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { status: "redirect", to: digest.split(";")[2]! };
    throw error;
  }
}

const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;

beforeEach(() => newRequest());

describe("the picture forms", () => {
  it("upload a real picture and remove it", async () => {
    const user = await createUser();
    await signInAs(user);
    expect(await run(uploadAvatarAction, { avatar: new File([PNG], "me.png", { type: "image/png" }) })).toEqual({ status: "success", data: undefined });
    expect((await userRow(user.id)).image).toMatch(new RegExp(`^/api/avatars/${user.id}\\?v=\\d+$`));
    expect(await run(removeAvatarAction, {})).toMatchObject({ status: "success" });
    expect((await userRow(user.id)).image).toBeNull();
  });

  it("answer anything else with a message on the field, storing nothing", async () => {
    const user = await createUser();
    await signInAs(user);
    const big = new Uint8Array(AVATAR_MAX_BYTES + 1);
    big.set(PNG);
    const cases: Record<string, string | Blob | (string | Blob)[]>[] = [
      {},
      { avatar: new File([big], "big.png", { type: "image/png" }) },
      { avatar: new File(["<svg onload=alert(1)>"], "x.png", { type: "image/png" }) },
      { avatar: new Blob(["file body"]) },
      ...HOSTILE.map((avatar) => ({ avatar })),
    ];
    for (const fields of cases) {
      newRequest();
      await signInAs(user);
      const result = await run(uploadAvatarAction, fields);
      expect(result.status).toBe("error");
      if (result.status === "error") {
        expect(result.message).not.toBe(GENERIC);
        expect(result.fieldErrors?.avatar?.[0]).toBeTruthy();
      }
    }
    expect((await run(uploadAvatarAction, cases[1]!)) as ActionState).toMatchObject({ fieldErrors: { avatar: [AVATAR_TOO_BIG] } });
    expect(await db.select().from(userAvatars).where(eq(userAvatars.userId, user.id))).toEqual([]);
    expect((await userRow(user.id)).image).toBeNull();
  });
});

describe("the address forms", () => {
  it("refuse hostile addresses with a message, storing nothing", async () => {
    const user = await createUser();
    for (const email of [...HOSTILE, ["a@example.test", "b@example.test"]] as (string | string[])[]) {
      newRequest();
      await signInAs(user);
      const result = await run(requestEmailChangeAction, { email });
      expect(result.status).toBe("error");
      if (result.status === "error") expect(result.message).not.toBe(GENERIC);
    }
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, user.id))).toEqual([]);
    await signInAs(user);
    expect(await run(cancelEmailChangeAction, { extra: "\u0000" })).toMatchObject({ status: "success" });
  });

  it("send the link; the link's button changes the address and returns to the account page", async () => {
    const user = await createUser();
    await signInAs(user);
    const email = `moved-${Date.now()}@example.test`;
    expect(await run(requestEmailChangeAction, { email })).toMatchObject({ status: "success", data: { newEmail: email } });
    await deliverQueuedMail();
    const mail = (await listOutbox(100)).find((m) => m.to === email)!;
    const token = /\/account\/confirm-email\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

    // Someone else signed in cannot use it.
    await signInAs(await createUser());
    const refused = await outcome(confirmEmailChangeAction(token, { status: "idle" }, new FormData()));
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("another account") });

    await signInAs(user);
    expect(await outcome(confirmEmailChangeAction(token, { status: "idle" }, new FormData()))).toEqual({ status: "redirect", to: "/account?email-changed=1" });
    expect((await userRow(user.id)).email).toBe(email);
  });

  it("answer hostile link tokens with a message, never a failure", async () => {
    const user = await createUser();
    for (const token of [...HOSTILE, "%2e%2e%2f", "a/b?c#d"]) {
      newRequest();
      await signInAs(user);
      const result = await outcome(confirmEmailChangeAction(token, { status: "idle" }, new FormData()));
      expect(result.status).toBe("error");
      if (result.status === "error") expect(result.message).not.toBe(GENERIC);
    }
    expect((await userRow(user.id)).email).toBe(user.email);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createUser } from "@/db/factories";
import { userAvatars, users } from "@/db/schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { accountExportTables } from "@/lib/exports/account-tables";
import { listMembers } from "@/lib/members/members";
import { memberOf } from "@/testing/tenant-context";
import { getAvatar, removeAvatar, uploadAvatar } from "./avatar";
import { AVATAR_MAX_BYTES, AVATAR_TOO_BIG, AVATAR_WRONG_TYPE, sniffAvatarType } from "./avatar-format";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const GIF = new TextEncoder().encode("GIF89a....");

const file = (bytes: Uint8Array, type = "image/png", name = "me.png") => new File([bytes as BlobPart], name, { type });
const padded = (head: Uint8Array, size: number) => {
  const out = new Uint8Array(size);
  out.set(head);
  return out;
};
const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
const avatarRows = (id: string) => db.select().from(userAvatars).where(eq(userAvatars.userId, id));

describe("sniffAvatarType", () => {
  it("reads PNG, JPEG and WebP from their signatures and nothing else", () => {
    expect(sniffAvatarType(PNG)).toBe("image/png");
    expect(sniffAvatarType(JPEG)).toBe("image/jpeg");
    expect(sniffAvatarType(WEBP)).toBe("image/webp");
    for (const bytes of [SVG, GIF, new Uint8Array(), PNG.slice(0, 4), Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45])]) {
      expect(sniffAvatarType(bytes)).toBeNull();
    }
  });
});

describe("uploading a picture", () => {
  it("stores it and points users.image at its versioned URL", async () => {
    const user = await createUser({ image: "https://avatars.githubusercontent.com/u/1" });
    const url = await uploadAvatar(user, file(PNG));
    const [row] = await avatarRows(user.id);
    expect(row).toMatchObject({ contentType: "image/png" });
    expect(new Uint8Array(row!.bytes)).toEqual(PNG);
    expect(url).toBe(`/api/avatars/${user.id}?v=${row!.updatedAt.getTime()}`);
    expect((await userRow(user.id)).image).toBe(url);
    expect(await getAvatar(user.id)).toMatchObject({ contentType: "image/png", bytes: Buffer.from(PNG) });
  });

  it("goes by the bytes, not by the type or name the browser sent", async () => {
    const user = await createUser();
    await uploadAvatar(user, file(WEBP, "text/html", "page.html"));
    expect((await avatarRows(user.id))[0]!.contentType).toBe("image/webp");
    for (const bytes of [SVG, GIF]) {
      const error = (await uploadAvatar(user, file(bytes, "image/png", "me.png")).catch((e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.fieldErrors?.avatar).toEqual([AVATAR_WRONG_TYPE]);
    }
    expect((await avatarRows(user.id))[0]!.contentType).toBe("image/webp");
  });

  it("refuses a picture over 256 KB and keeps the old one; 256 KB exactly is fine", async () => {
    const user = await createUser();
    const first = await uploadAvatar(user, file(JPEG, "image/jpeg"));
    const error = (await uploadAvatar(user, file(padded(PNG, AVATAR_MAX_BYTES + 1))).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.fieldErrors?.avatar).toEqual([AVATAR_TOO_BIG]);
    expect((await userRow(user.id)).image).toBe(first);
    expect((await avatarRows(user.id))[0]!.contentType).toBe("image/jpeg");
    await uploadAvatar(user, file(padded(PNG, AVATAR_MAX_BYTES)));
    expect((await avatarRows(user.id))[0]!.bytes.length).toBe(AVATAR_MAX_BYTES);
  });

  it("refuses what is not a file, or an empty one, with a message", async () => {
    const user = await createUser();
    for (const value of [null, undefined, "", "PNG", 42, {}, new File([], "empty.png", { type: "image/png" })]) {
      await expect(uploadAvatar(user, value)).rejects.toBeInstanceOf(UserError);
    }
    expect(await avatarRows(user.id)).toEqual([]);
    expect((await userRow(user.id)).image).toBeNull();
  });

  it("replaces the earlier picture with a new URL", async () => {
    const user = await createUser();
    const first = await uploadAvatar(user, file(PNG));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await uploadAvatar(user, file(JPEG, "image/jpeg"));
    expect(second).not.toBe(first);
    expect(await avatarRows(user.id)).toHaveLength(1);
    expect((await getAvatar(user.id))!.contentType).toBe("image/jpeg");
  });

  it("stores nothing for an account that is gone", async () => {
    const user = await createUser();
    await db.delete(users).where(eq(users.id, user.id));
    await expect(uploadAvatar(user, file(PNG))).rejects.toBeInstanceOf(NotFoundError);
    expect(await avatarRows(user.id)).toEqual([]);
  });
});

describe("removing the picture", () => {
  it("deletes it and clears users.image", async () => {
    const user = await createUser();
    await uploadAvatar(user, file(PNG));
    await removeAvatar(user);
    expect(await avatarRows(user.id)).toEqual([]);
    expect((await userRow(user.id)).image).toBeNull();
    expect(await getAvatar(user.id)).toBeNull();
  });

  it("leaves a sign-in provider's picture (or another user's URL) in users.image", async () => {
    const oauth = await createUser();
    await uploadAvatar(oauth, file(PNG));
    await db.update(users).set({ image: "https://lh3.googleusercontent.com/a/x" }).where(eq(users.id, oauth.id));
    await removeAvatar(oauth);
    expect(await avatarRows(oauth.id)).toEqual([]);
    expect((await userRow(oauth.id)).image).toBe("https://lh3.googleusercontent.com/a/x");

    const other = await createUser();
    const odd = await createUser({ image: `/api/avatars/${other.id}?v=1` });
    await removeAvatar(odd);
    expect((await userRow(odd.id)).image).toBe(`/api/avatars/${other.id}?v=1`);
  });

  it("touches no one else's picture", async () => {
    const [me, you] = await Promise.all([createUser(), createUser()]);
    await uploadAvatar(me, file(PNG));
    const yours = await uploadAvatar(you, file(PNG));
    await removeAvatar(me);
    expect((await userRow(you.id)).image).toBe(yours);
    expect(await avatarRows(you.id)).toHaveLength(1);
  });
});

describe("getAvatar", () => {
  it("finds nothing for unknown or hostile ids", async () => {
    for (const id of ["nobody", "", "\u0000", "../../etc/passwd", "' OR 1=1 --", "x".repeat(10_000)]) expect(await getAvatar(id)).toBeNull();
  });
});

describe("where the picture shows", () => {
  it("the member list carries each member's image", async () => {
    const owner = await memberOf(null, "owner");
    const url = await uploadAvatar(owner.user, file(PNG));
    const other = await memberOf(owner.tenant, "member");
    const members = await listMembers(owner.ctx);
    expect(members.find((m) => m.userId === owner.user.id)?.image).toBe(url);
    expect(members.find((m) => m.userId === other.user.id)?.image).toBeNull();
  });

  it("the account export holds the picture's type, size and bytes", async () => {
    const user = await createUser();
    await uploadAvatar(user, file(WEBP, "image/webp"));
    const table = accountExportTables(user.id).find((t) => t.name === "avatars")!;
    const rows = [];
    for await (const row of table.rows()) rows.push(row);
    expect(rows).toEqual([{ contentType: "image/webp", sizeBytes: WEBP.length, updatedAt: expect.any(Date), bytesBase64: Buffer.from(WEBP).toString("base64") }]);
    expect(Object.keys(rows[0]!).sort()).toEqual([...table.columns].sort());
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createUser } from "@/db/factories";
import { users } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { updateProfile } from "./update-profile";

describe("updateProfile", () => {
  it("changes the display name, trimmed", async () => {
    const user = await createUser({ name: "Old" });
    await updateProfile(user, { name: "  New Name " });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.name).toBe("New Name");
  });

  it("refuses an empty or overlong name and changes nothing", async () => {
    const user = await createUser({ name: "Kept" });
    await expect(updateProfile(user, { name: " " })).rejects.toBeInstanceOf(UserError);
    await expect(updateProfile(user, { name: "x".repeat(81) })).rejects.toBeInstanceOf(UserError);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.name).toBe("Kept");
  });

  it("touches no other user", async () => {
    const me = await createUser({ name: "Me" });
    const other = await createUser({ name: "Other" });
    await updateProfile(me, { name: "Changed" });
    const [row] = await db.select().from(users).where(eq(users.id, other.id));
    expect(row!.name).toBe("Other");
  });
});

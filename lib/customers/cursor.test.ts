import { describe, expect, it } from "vitest";
import { memberOf } from "@/testing/tenant-context";
import { createCustomer, listCustomers } from "./customers";
import { decodeCursor, encodeCursor } from "@/lib/validation/cursor";

const id = "0b9a9c8e-1f7a-4c3e-9d2b-5a6f7e8d9c0b";
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("cursors", () => {
  it("decode what encodeCursor made, from year 1 to year 9999", () => {
    for (const at of ["0001-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2026-03-04T05:06:07.089Z", "9999-12-31T23:59:59.999Z"]) {
      expect(decodeCursor(encodeCursor({ createdAt: new Date(at), id }))).toEqual({ createdAt: new Date(at), id });
    }
  });

  it("are null for dates Postgres refuses or that are not ours: year 0, negative and six-digit years, impossible days, other formats", () => {
    for (const at of [
      "0000-01-01T00:00:00.000Z",
      "-004713-01-01T00:00:00.000Z",
      "+100000-01-01T00:00:00.000Z",
      "+010000-01-01T00:00:00.000Z",
      "2024-02-30T00:00:00.000Z",
      "2024-01-01T00:00:00Z",
      "2024-01-01",
      "1",
    ]) {
      expect(decodeCursor(raw([at, id])), at).toBeNull();
    }
    expect(decodeCursor(encodeCursor({ createdAt: new Date("0000-06-01T00:00:00Z"), id }))).toBeNull();
  });

  it("are null for anything else that is not [date, uuid]", () => {
    for (const value of [
      raw(["2024-01-01T00:00:00.000Z", "nope"]),
      raw(["2024-01-01T00:00:00.000Z", id, 1]),
      raw({ at: "2024-01-01T00:00:00.000Z", id }),
      raw(null),
      raw([0, id]),
      "garbage!",
      "%00",
      "",
      undefined,
    ]) {
      expect(decodeCursor(value)).toBeNull();
    }
  });

  it("that decode are ones Postgres takes, at both ends of the range", async () => {
    const owner = await memberOf(null, "owner");
    await createCustomer(owner.ctx, { name: "Now" });
    const at = async (iso: string) => (await listCustomers(owner.ctx, { cursor: encodeCursor({ createdAt: new Date(iso), id }) })).customers.length;
    expect(await at("0001-01-01T00:00:00.000Z")).toBe(0);
    expect(await at("9999-12-31T23:59:59.999Z")).toBe(1);
  });
});

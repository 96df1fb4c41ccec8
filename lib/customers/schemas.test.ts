import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/validation/cursor";
import { lenientListQuery } from "@/lib/validation/list-query";
import { customerQuerySchema } from "./schemas";

const lenientCustomerQuery = (raw: Record<string, string | string[] | undefined>) => lenientListQuery(customerQuerySchema, raw);

const cursor = encodeCursor({ createdAt: new Date("2026-01-01T00:00:00.000Z"), id: "0b9a9c8e-1f7a-4c3e-9d2b-5a6f7e8d9c0b" });
const year0 = encodeCursor({ createdAt: new Date("0000-06-01T00:00:00.000Z"), id: "0b9a9c8e-1f7a-4c3e-9d2b-5a6f7e8d9c0b" });

describe("the customer list's query", () => {
  it("refuses, naming the parameter, what the API answers 422 for", () => {
    const refused = (input: object) => Object.keys(customerQuerySchema.safeParse(input).error?.flatten().fieldErrors ?? {});
    for (const limit of ["0", "101", "-1", "abc", "", "1.5", "1e1", " 5"]) expect(refused({ limit }), limit).toEqual(["limit"]);
    for (const q of ["a".repeat(101), "a\u0000", "a\nb"]) expect(refused({ q }), q).toEqual(["q"]);
    for (const c of ["garbage", year0, "a".repeat(201), ""]) expect(refused({ cursor: c }), c).toEqual(["cursor"]);
    expect(customerQuerySchema.parse({ q: " ada ", limit: "100", cursor })).toEqual({ q: "ada", limit: 100, cursor });
    expect(customerQuerySchema.parse({})).toEqual({ limit: 25 });
  });

  it("on the page, leaves out what it cannot use, says which, and keeps the rest", () => {
    expect(lenientCustomerQuery({ q: "ada", cursor })).toEqual({ query: { q: "ada", cursor, limit: 25 }, ignored: [] });
    expect(lenientCustomerQuery({ q: "ada", cursor: year0 })).toEqual({ query: { q: "ada", limit: 25 }, ignored: ["cursor"] });
    expect(lenientCustomerQuery({ q: "a".repeat(101), cursor })).toEqual({ query: { cursor, limit: 25 }, ignored: ["q"] });
    expect(lenientCustomerQuery({ q: "\u0000", cursor: "x", limit: "0" })).toEqual({ query: { limit: 25 }, ignored: ["q", "cursor", "limit"] });
    expect(lenientCustomerQuery({ q: ["a", "b"] })).toEqual({ query: { limit: 25 }, ignored: ["q"] });
  });
});

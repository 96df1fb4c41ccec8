import { describe, expect, it } from "vitest";
import { readActivityQuery } from "./schemas";

const USER = "0b6c3f0e-7c1a-4c1e-9f3e-2f7d8b1a2c3d";

describe("the activity page's query", () => {
  it("reads the filter form (blank selects mean no filter) and the page links", () => {
    expect(readActivityQuery({})).toEqual({ filter: {}, unknown: [], paging: {}, pagingIgnored: false });
    expect(readActivityQuery({ actor: "", kind: "" })).toEqual({ filter: {}, unknown: [], paging: {}, pagingIgnored: false });
    expect(readActivityQuery({ actor: USER, kind: "customers", before: "42" })).toEqual({
      filter: { actor: { type: "user", userId: USER }, kind: "customers" },
      unknown: [],
      paging: { before: 42 },
      pagingIgnored: false,
    });
    expect(readActivityQuery({ actor: "api-keys", after: "7" })).toMatchObject({ filter: { actor: { type: "other", actor: "api-keys" } }, paging: { after: 7 } });
    expect(readActivityQuery({ actor: "stripe" }).filter.actor).toEqual({ type: "other", actor: "stripe" });
  });

  it("ignores a page link it cannot use, and says so", () => {
    const hostile = ["-1", "0", "1.5", "1e3", " 5", "5 ", "0x10", "abc", "9007199254740992", "99999999999999999999", "١٢", "Infinity", ["1", "2"], []];
    for (const value of hostile) {
      for (const key of ["before", "after"]) {
        expect(readActivityQuery({ [key]: value }), `${key}=${JSON.stringify(value)}`).toEqual({ filter: {}, unknown: [], paging: {}, pagingIgnored: true });
      }
    }
    expect(readActivityQuery({ before: "9007199254740991" }).paging).toEqual({ before: 9007199254740991 });
    expect(readActivityQuery({ before: "5", after: "3" })).toMatchObject({ paging: {}, pagingIgnored: true });
    // A page link problem leaves the filter alone.
    expect(readActivityQuery({ kind: "billing", before: "-3" })).toMatchObject({ filter: { kind: "billing" }, pagingIgnored: true });
  });

  it("marks a filter it cannot read as unknown instead of dropping it", () => {
    const actors = [["a", "b"], "x".repeat(256), "a b", "a\u0000", "../etc", "é", "%27%20OR%201=1"];
    for (const actor of actors) expect(readActivityQuery({ actor: actor as string }), JSON.stringify(actor)).toMatchObject({ filter: {}, unknown: ["actor"] });
    for (const kind of ["nope", "Customers", "customer", "__proto__", "toString", ["customers"], "customers "]) {
      expect(readActivityQuery({ kind: kind as string }), JSON.stringify(kind)).toMatchObject({ filter: {}, unknown: ["kind"] });
    }
    expect(readActivityQuery({ actor: ["x"], kind: "nope" }).unknown).toEqual(["actor", "kind"]);
  });
});

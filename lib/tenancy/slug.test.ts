import { describe, expect, it } from "vitest";
import { slugAlternative, slugCandidate, slugify, slugSchema } from "./slug";

describe("slugs", () => {
  it("derives a slug from a name", () => {
    expect(slugify("Acme Corp.")).toBe("acme-corp");
    expect(slugify("  Crème   Brûlée!! ")).toBe("creme-brulee");
    expect(slugify("---")).toBe("");
    expect(slugify("a".repeat(60))).toHaveLength(48);
  });

  it("falls back when the name yields nothing valid", () => {
    expect(slugCandidate("日本")).toBe("workspace");
    expect(slugCandidate("x")).toBe("workspace");
    expect(slugCandidate("Settings")).toBe("workspace");
  });

  it("validates", () => {
    expect(slugSchema.safeParse("acme-2").success).toBe(true);
    expect(slugSchema.parse(" ACME ")).toBe("acme");
    for (const bad of ["a", "-acme", "acme-", "ac--me", "ac me", "new", "a".repeat(49)]) {
      expect(slugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("offers alternatives that stay valid", () => {
    expect(slugAlternative("acme", 0)).toBe("acme");
    expect(slugAlternative("acme", 1)).toBe("acme-2");
    expect(slugSchema.safeParse(slugAlternative("a".repeat(48), 7)).success).toBe(true);
  });
});

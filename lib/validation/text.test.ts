import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { emailSignInSchema } from "@/lib/auth/schemas";
import { customerQuerySchema, customerSchema } from "@/lib/customers/schemas";
import { inviteSchema } from "@/lib/invitations/schemas";
import { changeRoleSchema, memberTargetSchema } from "@/lib/members/schemas";
import { createTenantSchema, renameTenantSchema } from "@/lib/tenants/schemas";
import { profileSchema } from "@/lib/users/schemas";
import { fieldErrorsOf } from ".";
import { optionalText, text } from "./text";

// Every free-text field of every schema in lib/*/schemas.ts: a valid input, the field, its
// limit, and whether it may span lines. (billing's schema has only choices; slugs have their own pattern.)
const FIELDS: [string, string, z.ZodType, Record<string, unknown>, number, boolean][] = [
  ["customer", "name", customerSchema, { name: "Ada" }, 120, false],
  ["customer", "company", customerSchema, { name: "Ada" }, 120, false],
  ["customer", "email", customerSchema, { name: "Ada" }, 254, false],
  ["customer", "phone", customerSchema, { name: "Ada" }, 40, false],
  ["customer", "notes", customerSchema, { name: "Ada" }, 5000, true],
  ["customer search", "q", customerQuerySchema, {}, 100, false],
  ["tenant", "name", createTenantSchema, { name: "Acme", slug: "acme" }, 64, false],
  ["tenant", "slug", createTenantSchema, { name: "Acme", slug: "acme" }, 48, false],
  ["tenant rename", "name", renameTenantSchema, { name: "Acme" }, 64, false],
  ["profile", "name", profileSchema, { name: "Ada" }, 80, false],
  ["API key", "name", createApiKeySchema, { name: "CI", scopes: ["customers:read"] }, 60, false],
  ["sign-in", "email", emailSignInSchema, { email: "ada@example.com" }, 254, false],
  ["invitation", "email", inviteSchema, { email: "ada@example.com", role: "member" }, 254, false],
  ["member", "userId", memberTargetSchema, { userId: "u1" }, 255, false],
  ["role change", "userId", changeRoleSchema, { userId: "u1", role: "admin" }, 255, false],
];

const errorsOn = (schema: z.ZodType, input: unknown, field: string) => {
  const result = schema.safeParse(input);
  return result.success ? [] : (fieldErrorsOf(result.error)[field] ?? []);
};

describe("every text field of every schema", () => {
  it.each(FIELDS)("%s %s refuses NUL and other control characters, with a field error", (_, field, schema, valid, _max, multiline) => {
    expect(schema.safeParse(valid).success).toBe(true);
    for (const c of ["\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009f", "\ud800"]) {
      const errors = errorsOn(schema, { ...valid, [field]: `ab${c}cd` }, field);
      expect(errors.length, JSON.stringify(c)).toBeGreaterThan(0);
      if (field !== "slug") expect(errors.join(" ")).toMatch(/can't contain (line breaks or )?control characters/i);
    }
    for (const c of ["\t", "\n", "\r"]) {
      const errors = errorsOn(schema, { ...valid, [field]: `ab${c}cd` }, field);
      expect(errors.length === 0, `${JSON.stringify(c)} in ${field}`).toBe(multiline);
    }
  });

  it.each(FIELDS)("%s %s refuses more than its most characters, with a message that says how many", (_, field, schema, valid, max) => {
    const errors = errorsOn(schema, { ...valid, [field]: "a".repeat(max + 1) }, field);
    expect(errors.join(" ")).toContain(`at most ${max} characters`);
    expect(errorsOn(schema, { ...valid, [field]: "a".repeat(100_000) }, field).join(" ")).toContain(`at most ${max} characters`);
  });
});

describe("text", () => {
  it("counts characters, not UTF-16 units, as JSON Schema's maxLength does", () => {
    const name = text({ max: 3 });
    expect(name.safeParse("😀😀😀").success).toBe(true);
    expect(name.safeParse("😀😀😀😀").success).toBe(false);
  });

  it("checks the value as sent, then trims it; optional text ends as null when empty", () => {
    const name = text({ max: 3, label: "Name", required: "Enter a name." });
    expect(name.parse(" ab ".trim())).toBe("ab");
    expect(name.safeParse(" abc ").error?.issues.map((i) => i.message)).toEqual(["Name can be at most 3 characters."]);
    expect(name.safeParse("   ").error?.issues.map((i) => i.message)).toEqual(["Enter a name."]);
    const notes = optionalText({ max: 10, multiline: true });
    expect([notes.parse(undefined), notes.parse(null), notes.parse("  "), notes.parse(" a\nb ")]).toEqual([null, null, null, "a\nb"]);
    expect(notes.safeParse(3).error?.issues.map((i) => i.message)).toEqual(["Must be text."]);
  });

  it("drops a sign-in return path that is not plain text rather than refusing the form", () => {
    expect(emailSignInSchema.parse({ email: "ada@example.com", callbackUrl: "/t/a\u0000" })).toEqual({ email: "ada@example.com" });
  });
});

import { z } from "zod";

export const SLUG_MIN = 2;
export const SLUG_MAX = 48;

// Words that would read as app pages in /t/{slug}, or invite confusion.
const RESERVED = new Set(["new", "create", "settings", "admin", "api", "app", "www", "help", "support", "billing"]);
const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, { error: `Use at least ${SLUG_MIN} characters.` })
  .max(SLUG_MAX, { error: `Use at most ${SLUG_MAX} characters.` })
  .regex(SLUG_SHAPE, {
    error: "Use lowercase letters, numbers and single hyphens, not at the start or end.",
  })
  .refine((s) => !RESERVED.has(s), { error: "This address is reserved. Choose another." });

/**
 * Whether a value from outside (a URL, an action's bound argument) could be a tenant's
 * slug at all. What could not (a NUL or other control character, which PostgreSQL
 * refuses; anything too long; another alphabet; not a string) is nobody's tenant.
 */
export function isSlugShaped(value: unknown): value is string {
  return typeof value === "string" && value.length <= SLUG_MAX && SLUG_SHAPE.test(value);
}

/** "Acme Corp." → "acme-corp"; accents folded, anything else becomes a hyphen. */
export function slugify(input: string): string {
  const slug = input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  return slug;
}

/** A valid slug for the name, falling back when the name has no usable characters. */
export function slugCandidate(name: string, fallback = "workspace"): string {
  const base = slugify(name);
  return slugSchema.safeParse(base).success ? base : fallback;
}

/** The nth alternative of a taken slug: acme, acme-2, acme-3... then acme-x7k2. */
export function slugAlternative(base: string, attempt: number): string {
  const suffix = attempt < 5 ? String(attempt + 1) : Math.random().toString(36).slice(2, 6);
  if (attempt === 0) return base;
  return `${base.slice(0, SLUG_MAX - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
}

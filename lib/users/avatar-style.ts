/**
 * Backgrounds for initials, each with white text at 4.5:1 or more, in the light palette
 * and in the dark one (app/palette.css mirrors these families). Sky, teal, emerald, amber
 * and rose are too light at 600 for white text, so they are used at 700.
 */
export const AVATAR_COLORS = [
  "bg-indigo-600",
  "bg-violet-600",
  "bg-red-600",
  "bg-rose-700",
  "bg-amber-700",
  "bg-emerald-700",
  "bg-teal-700",
  "bg-sky-700",
] as const;

/** One of AVATAR_COLORS, the same for the same seed (a user id, else an email) everywhere. */
export function avatarColorOf(seed: string): (typeof AVATAR_COLORS)[number] {
  let hash = 0;
  for (const c of seed) hash = (hash * 31 + c.codePointAt(0)!) | 0;
  return AVATAR_COLORS[Math.abs(hash) % AVATAR_COLORS.length]!;
}

/** "Ada Lovelace" → "AL"; with no name, the first letter of the address. */
export function initialsOf(name: string | null | undefined, email: string | null | undefined): string {
  const source = name?.trim() || email || "?";
  const parts = source.split(/[\s@.]+/).filter(Boolean);
  const first = (part: string | undefined) => (part ? Array.from(part)[0]! : "");
  return ((first(parts[0]) || "?") + (name?.trim() && parts[1] ? first(parts[1]) : "")).toUpperCase();
}

/** Where uploaded pictures are served; the version makes each upload a new URL, so it can be cached for good. */
export const avatarPath = (userId: string, version: Date) => `/api/avatars/${encodeURIComponent(userId)}?v=${version.getTime()}`;

/** Whether `users.image` points at our own upload of this user (not a sign-in provider's picture). */
export const isOwnAvatar = (image: string | null | undefined, userId: string) => !!image && image.startsWith(`/api/avatars/${encodeURIComponent(userId)}?`);

/**
 * The picture to show, or null for initials: our own path, or an https URL (a sign-in
 * provider's). Anything else a provider might have sent (http:, data:, javascript:) is not shown.
 */
export function displayableImage(image: string | null | undefined): string | null {
  if (!image || image.length > 2048) return null;
  if (image.startsWith("/api/avatars/")) return image;
  try {
    return new URL(image).protocol === "https:" ? image : null;
  } catch {
    return null;
  }
}

/** The largest picture we keep: small enough to live in a database row. */
export const AVATAR_MAX_BYTES = 256 * 1024;

export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];

/** For the file input's `accept`: a hint to the picker only; the server reads the bytes. */
export const AVATAR_ACCEPT = AVATAR_TYPES.join(",");

export const AVATAR_TOO_BIG = `That picture is too big. Use one of at most ${AVATAR_MAX_BYTES / 1024} KB.`;
export const AVATAR_WRONG_TYPE = "That file is not a PNG, JPEG or WebP picture.";

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/**
 * What the bytes are, from their signature: the client's file name and content type
 * are the sender's claim. Anything else (SVG, which can carry script, HTML, GIF) is null.
 */
export function sniffAvatarType(bytes: Uint8Array): AvatarType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF, four bytes of length, WEBP.
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

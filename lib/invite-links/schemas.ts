import { z } from "zod";
import { roleSchema } from "@/lib/members/schemas";

export const INVITE_LINK_EXPIRY_DAYS = [1, 7, 30] as const;
export type InviteLinkExpiryDays = (typeof INVITE_LINK_EXPIRY_DAYS)[number];
export const DEFAULT_INVITE_LINK_EXPIRY_DAYS: InviteLinkExpiryDays = 7;
export const MAX_INVITE_LINK_USES = 1000;

const EXPIRY_ERROR = "Choose when the link expires: in 1, 7 or 30 days.";
const MAX_USES_ERROR = `Enter a whole number from 1 to ${MAX_INVITE_LINK_USES}, or leave it empty for no limit.`;

// A form sends "7"; code may send 7. Anything else is left as is, for the enum to refuse.
const expiresInDays = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value === "" ? undefined : value),
  z
    .enum(["1", "7", "30"], { error: EXPIRY_ERROR })
    .default(String(DEFAULT_INVITE_LINK_EXPIRY_DAYS) as "7")
    .transform((days) => Number(days) as InviteLinkExpiryDays),
);

// An empty field means no limit. Digits only: "1e3", "5.0" and " 0x10" are not counts someone typed.
const maxUses = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    if (trimmed === "") return null;
    return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : value;
  },
  z.number({ error: MAX_USES_ERROR }).int({ error: MAX_USES_ERROR }).min(1, { error: MAX_USES_ERROR }).max(MAX_INVITE_LINK_USES, { error: MAX_USES_ERROR }).nullable(),
);

export const createInviteLinkSchema = z.object({ role: roleSchema, expiresInDays, maxUses });

/** What a caller may pass: the form's strings, or numbers from code. */
export type CreateInviteLinkInput = {
  role: string;
  expiresInDays?: InviteLinkExpiryDays | `${InviteLinkExpiryDays}`;
  maxUses?: number | string | null;
};

export const inviteLinkIdSchema = z.object({ linkId: z.uuid({ error: "Unknown invite link." }) });
export type InviteLinkIdInput = z.input<typeof inviteLinkIdSchema>;

import { domainToASCII } from "node:url";
import { z } from "zod";
import { roleSchema } from "@/lib/members/schemas";
import { text } from "@/lib/validation/text";
import { DOMAIN_JOIN_MODES } from "./types";

export const DOMAIN_MAX = 253;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// What a URL parser would silently cut or decode ("acme.com/x" → acme.com, "%41" → a): refused instead.
const NOT_IN_A_DOMAIN = /[\s/\\%?#@:[\]]/;
const SHAPE = "Enter a domain like acme.com.";

/** A hostname with at least one dot, in ASCII (punycode for international names); null when it is not one. */
export function normaliseDomain(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw || NOT_IN_A_DOMAIN.test(raw)) return null;
  const ascii = domainToASCII(raw);
  // Plain ASCII must come through as typed: no mapping may change what was meant.
  if (!ascii || (/^[\x20-\x7e]*$/.test(raw) && ascii !== raw)) return null;
  if (ascii.length > DOMAIN_MAX) return null;
  const labels = ascii.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // An address like 192.168.0.1 is no domain: a top-level label is never all digits.
  if (/^\d+$/.test(labels.at(-1)!)) return null;
  return ascii;
}

export const domainSchema = text({ max: DOMAIN_MAX, label: "Domain", required: "Enter a domain like acme.com." }).transform((value, ctx) => {
  const domain = normaliseDomain(value);
  if (domain === null) {
    ctx.addIssue({ code: "custom", message: SHAPE });
    return z.NEVER;
  }
  return domain;
});

export const claimDomainSchema = z.object({ domain: domainSchema });
export type ClaimDomainInput = z.input<typeof claimDomainSchema>;

export const domainIdSchema = z.object({ domainId: z.uuid({ error: "Unknown domain." }) });
export type DomainIdInput = z.input<typeof domainIdSchema>;

export const domainSettingsSchema = domainIdSchema.extend({
  mode: z.enum(DOMAIN_JOIN_MODES, { error: "Choose how people join." }),
  role: roleSchema,
});
export type DomainSettingsInput = z.input<typeof domainSettingsSchema>;

export const joinSuggestionSchema = z.object({ tenantId: z.uuid({ error: "Unknown workspace." }) });

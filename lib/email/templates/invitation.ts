import { APP_NAME, TENANT_LABEL } from "@/lib/config/app";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { emailViewer, formatExact } from "@/lib/format/dates";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

export function invitationEmail(input: { tenantName: string; inviterName: string; role: Role; url: string; expiresAt: Date; /** The recipient's zone when known; otherwise the time is given in UTC, named. */ timeZone?: string | null }) {
  const { tenantName, inviterName, url } = input;
  const role = ROLE_LABELS[input.role];
  const expires = formatExact(input.expiresAt, emailViewer(input.timeZone));
  const subject = `${inviterName} invited you to ${tenantName} on ${APP_NAME}`;
  const text = [
    `${inviterName} invited you to join the ${TENANT_LABEL.singular} ${tenantName} on ${APP_NAME} as ${role}.`,
    "",
    "Open this link to accept or decline:",
    url,
    "",
    `The invitation works once and expires on ${expires}.`,
    "If you did not expect it, ignore this email.",
  ].join("\n");
  const html = emailHtml({
    heading: `Join ${tenantName}`,
    intro: `<strong>${escapeHtml(inviterName)}</strong> invited you to join the ${TENANT_LABEL.singular} <strong>${escapeHtml(tenantName)}</strong> on ${escapeHtml(APP_NAME)} as ${escapeHtml(role)}.`,
    button: { href: url, label: "View invitation" },
    footnote: `The invitation works once and expires on ${expires}. If you did not expect it, ignore this email.`,
  });
  return { subject, text, html };
}

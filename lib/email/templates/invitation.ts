import { APP_NAME, TENANT_LABEL } from "@/lib/config/app";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

export function invitationEmail(input: { tenantName: string; inviterName: string; role: Role; url: string; expiresAt: Date }) {
  const { tenantName, inviterName, url } = input;
  const role = ROLE_LABELS[input.role];
  const expires = input.expiresAt.toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric" });
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

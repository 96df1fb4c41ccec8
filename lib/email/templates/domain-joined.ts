import { APP_NAME, TENANT_LABEL } from "@/lib/config/app";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

/** To the owners of a workspace someone joined automatically through its verified domain. */
export function domainJoinedEmail(input: { memberName: string; tenantName: string; domain: string; role: Role; url: string }) {
  const { memberName, tenantName, domain, url } = input;
  const role = ROLE_LABELS[input.role];
  const subject = `${memberName} joined ${tenantName} through ${domain}`;
  const text = [
    `${memberName} joined the ${TENANT_LABEL.singular} ${tenantName} on ${APP_NAME} as ${role}, because their verified email address is at ${domain}.`,
    "",
    "See who is in it, or change how people at the domain join, on the members and settings pages:",
    url,
  ].join("\n");
  const html = emailHtml({
    heading: `${memberName} joined ${tenantName}`,
    intro: `<strong>${escapeHtml(memberName)}</strong> joined the ${TENANT_LABEL.singular} <strong>${escapeHtml(tenantName)}</strong> on ${escapeHtml(APP_NAME)} as ${escapeHtml(role)}, because their verified email address is at ${escapeHtml(domain)}.`,
    button: { href: url, label: "See the members" },
    footnote: `Everyone with a verified address at ${domain} joins automatically. An owner or admin can change that in the ${TENANT_LABEL.singular}'s settings.`,
  });
  return { subject, text, html };
}

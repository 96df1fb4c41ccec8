import { APP_NAME, TENANT_LABEL } from "@/lib/config/app";
import { emailViewer, formatExact } from "@/lib/format/dates";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

export function tenantDeletedEmail(input: { tenantName: string; deletedBy: string; purgeAt: Date; accountUrl: string; /** The recipient's zone when known; otherwise the time is given in UTC, named. */ timeZone?: string | null }) {
  const { tenantName, deletedBy, accountUrl } = input;
  const purge = formatExact(input.purgeAt, emailViewer(input.timeZone));
  const subject = `${tenantName} was deleted on ${APP_NAME}`;
  const text = [
    `${deletedBy} deleted the ${TENANT_LABEL.singular} ${tenantName} on ${APP_NAME}. You no longer have access to it.`,
    "",
    `An owner can restore it from their account page until ${purge}; after that, it and everything in it are erased for good.`,
    accountUrl,
  ].join("\n");
  const html = emailHtml({
    heading: `${tenantName} was deleted`,
    intro: `<strong>${escapeHtml(deletedBy)}</strong> deleted the ${TENANT_LABEL.singular} <strong>${escapeHtml(tenantName)}</strong> on ${escapeHtml(APP_NAME)}. You no longer have access to it.`,
    button: { href: accountUrl, label: "Open your account" },
    footnote: `An owner can restore it until ${purge}; after that, it and everything in it are erased for good.`,
  });
  return { subject, text, html };
}

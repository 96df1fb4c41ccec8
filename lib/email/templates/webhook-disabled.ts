import { APP_NAME } from "@/lib/config/app";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

export function webhookDisabledEmail(input: { tenantName: string; endpointUrl: string; days: number; url: string }) {
  const { tenantName, endpointUrl, days, url } = input;
  const subject = `A webhook endpoint of ${tenantName} was disabled`;
  const text = [
    `Every delivery to ${endpointUrl} has failed for ${days} days, so ${APP_NAME} stopped sending to it.`,
    "",
    "Fix the endpoint, then enable it again; you can resend the events it missed from its delivery log:",
    url,
  ].join("\n");
  const html = emailHtml({
    heading: "A webhook endpoint was disabled",
    intro: `Every delivery to <strong>${escapeHtml(endpointUrl)}</strong> in <strong>${escapeHtml(tenantName)}</strong> has failed for ${days} days, so ${escapeHtml(APP_NAME)} stopped sending to it.`,
    button: { href: url, label: "Open the endpoint" },
    footnote: "Fix it, then enable it again; you can resend the events it missed from its delivery log.",
  });
  return { subject, text, html };
}

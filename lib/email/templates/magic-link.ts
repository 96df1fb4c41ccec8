import { APP_NAME } from "@/lib/config/app";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

export function magicLinkEmail({ url, expiresInMinutes }: { url: string; expiresInMinutes: number }) {
  const host = new URL(url).host;
  const subject = `Sign in to ${APP_NAME}`;
  const text = [
    `Sign in to ${APP_NAME} (${host}) with this link:`,
    "",
    url,
    "",
    `It works once and expires in ${expiresInMinutes} minutes.`,
    "If you did not ask for it, ignore this email.",
  ].join("\n");
  const html = emailHtml({
    heading: subject,
    intro: `Click the button to sign in to <strong>${escapeHtml(host)}</strong>.`,
    button: { href: url, label: "Sign in" },
    footnote: `The link works once and expires in ${expiresInMinutes} minutes. If you did not ask for it, ignore this email.`,
  });
  return { subject, text, html };
}

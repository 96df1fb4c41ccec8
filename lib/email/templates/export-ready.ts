import { APP_NAME } from "@/lib/config/app";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

export function exportReadyEmail(input: { what: string; url: string; expiresAt: Date }) {
  const expires = input.expiresAt.toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric" });
  const subject = `Your export of ${input.what} is ready`;
  const text = [`The export of ${input.what} you asked for on ${APP_NAME} is ready. Download it (you'll need to be signed in):`, input.url, "", `The link works until ${expires}.`].join("\n");
  const html = emailHtml({
    heading: "Your export is ready",
    intro: `The export of <strong>${escapeHtml(input.what)}</strong> you asked for on ${escapeHtml(APP_NAME)} is ready. You'll need to be signed in to download it.`,
    button: { href: input.url, label: "Download the export" },
    footnote: `The link works until ${expires}.`,
  });
  return { subject, text, html };
}

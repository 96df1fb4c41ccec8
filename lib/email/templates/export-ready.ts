import { APP_NAME } from "@/lib/config/app";
import { emailViewer, formatExact } from "@/lib/format/dates";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

export function exportReadyEmail(input: { what: string; url: string; expiresAt: Date; /** The recipient's zone when known; otherwise the time is given in UTC, named. */ timeZone?: string | null }) {
  const expires = formatExact(input.expiresAt, emailViewer(input.timeZone));
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

import { APP_NAME } from "@/lib/config/app";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

/** To the account's address when a passkey is added: a new way in should never go unnoticed. */
export function passkeyAddedEmail(input: { accountUrl: string }) {
  const subject = `A passkey was added to your ${APP_NAME} account`;
  const text = [
    `A new passkey can now sign in to your ${APP_NAME} account.`,
    "",
    "If this was you, there is nothing to do.",
    "If it was not you, remove it in your account settings right away:",
    input.accountUrl,
  ].join("\n");
  const html = emailHtml({
    heading: "A passkey was added",
    intro: `A new passkey can now sign in to your ${escapeHtml(APP_NAME)} account.`,
    button: { href: input.accountUrl, label: "Review your passkeys" },
    footnote: "If this was you, there is nothing to do. If it was not you, remove it in your account settings right away.",
  });
  return { subject, text, html };
}

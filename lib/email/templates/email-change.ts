import { APP_NAME } from "@/lib/config/app";
import { emailViewer, formatExact } from "@/lib/format/dates";
import { escapeHtml } from "../escape-html";
import { emailHtml } from "./layout";

type When = { expiresAt: Date; /** The recipient's zone when known; otherwise the time is given in UTC, named. */ timeZone?: string | null };

/** To the new address: the link that makes the change. */
export function confirmNewEmailEmail(input: { newEmail: string; url: string } & When) {
  const expires = formatExact(input.expiresAt, emailViewer(input.timeZone));
  const subject = `Confirm your new email address for ${APP_NAME}`;
  const text = [
    `You asked to use ${input.newEmail} as the address of your ${APP_NAME} account.`,
    "",
    "Open this link, signed in to that account, to confirm:",
    input.url,
    "",
    `The link works once, until ${expires}.`,
    "If you did not ask for this, ignore this email: nothing changes.",
  ].join("\n");
  const html = emailHtml({
    heading: "Confirm your new address",
    intro: `You asked to use <strong>${escapeHtml(input.newEmail)}</strong> as the address of your ${escapeHtml(APP_NAME)} account. Confirm it while signed in to that account.`,
    button: { href: input.url, label: "Confirm new address" },
    footnote: `The link works once, until ${expires}. If you did not ask for this, ignore this email: nothing changes.`,
  });
  return { subject, text, html };
}

/** To the old address: a change is under way, and how to stop it. */
export function emailChangeNoticeEmail(input: { oldEmail: string; newEmail: string; accountUrl: string } & When) {
  const expires = formatExact(input.expiresAt, emailViewer(input.timeZone));
  const subject = `Your ${APP_NAME} email address is being changed`;
  const text = [
    `Your ${APP_NAME} account's address is being changed from ${input.oldEmail} to ${input.newEmail}.`,
    `It changes once the link we sent to ${input.newEmail} is opened, until ${expires}.`,
    "",
    "If this was you, there is nothing to do.",
    "If this was not you, cancel the change in your account settings and reply to this email right away:",
    input.accountUrl,
  ].join("\n");
  const html = emailHtml({
    heading: "Your email address is being changed",
    intro: `Your ${escapeHtml(APP_NAME)} account's address is being changed from <strong>${escapeHtml(input.oldEmail)}</strong> to <strong>${escapeHtml(input.newEmail)}</strong>. It changes once the link we sent there is opened, until ${escapeHtml(expires)}.`,
    button: { href: input.accountUrl, label: "Review in account settings" },
    footnote: "If this was you, there is nothing to do. If this was not you, cancel the change in your account settings and reply to this email right away.",
  });
  return { subject, text, html };
}

/**
 * To a new address that already has an account: sent instead of the link, so that
 * asking does not tell the asker whether an address is registered.
 */
export function emailAlreadyUsedEmail(input: { newEmail: string; signInUrl: string }) {
  const subject = `This address already has a ${APP_NAME} account`;
  const text = [
    `Someone asked to move a ${APP_NAME} account to ${input.newEmail}, but this address already has an account of its own, so nothing changes.`,
    "",
    "If it was you, sign in with this address to use that account, or choose another address:",
    input.signInUrl,
    "",
    "If it was not you, ignore this email.",
  ].join("\n");
  const html = emailHtml({
    heading: "This address already has an account",
    intro: `Someone asked to move a ${escapeHtml(APP_NAME)} account to <strong>${escapeHtml(input.newEmail)}</strong>, but this address already has an account of its own, so nothing changes.`,
    button: { href: input.signInUrl, label: "Sign in with this address" },
    footnote: "If it was you, sign in with this address to use that account, or choose another address. If it was not you, ignore this email.",
  });
  return { subject, text, html };
}

import { APP_NAME } from "@/lib/config/app";
import { escapeHtml } from "../escape-html";

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
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;background:#f4f4f5;padding:24px">
  <table role="presentation" style="max-width:480px;margin:auto;background:#fff;border-radius:12px;padding:32px">
    <tr><td>
      <h1 style="font-size:20px;margin:0 0 16px">Sign in to ${escapeHtml(APP_NAME)}</h1>
      <p style="color:#3f3f46;margin:0 0 24px">Click the button to sign in to <strong>${escapeHtml(host)}</strong>.</p>
      <p style="margin:0 0 24px"><a href="${escapeHtml(url)}" style="background:#18181b;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">Sign in</a></p>
      <p style="color:#71717a;font-size:13px;margin:0">The link works once and expires in ${expiresInMinutes} minutes. If you did not ask for it, ignore this email.</p>
    </td></tr>
  </table>
</body></html>`;
  return { subject, text, html };
}

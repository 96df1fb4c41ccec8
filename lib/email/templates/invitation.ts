import { APP_NAME, TENANT_LABEL } from "@/lib/config/app";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { escapeHtml } from "../escape-html";

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
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;background:#f4f4f5;padding:24px">
  <table role="presentation" style="max-width:480px;margin:auto;background:#fff;border-radius:12px;padding:32px">
    <tr><td>
      <h1 style="font-size:20px;margin:0 0 16px">Join ${escapeHtml(tenantName)}</h1>
      <p style="color:#3f3f46;margin:0 0 24px"><strong>${escapeHtml(inviterName)}</strong> invited you to join the ${TENANT_LABEL.singular} <strong>${escapeHtml(tenantName)}</strong> on ${escapeHtml(APP_NAME)} as ${escapeHtml(role)}.</p>
      <p style="margin:0 0 24px"><a href="${escapeHtml(url)}" style="background:#18181b;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">View invitation</a></p>
      <p style="color:#71717a;font-size:13px;margin:0">The invitation works once and expires on ${escapeHtml(expires)}. If you did not expect it, ignore this email.</p>
    </td></tr>
  </table>
</body></html>`;
  return { subject, text, html };
}

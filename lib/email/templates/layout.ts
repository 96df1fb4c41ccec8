import { escapeHtml } from "../escape-html";

/**
 * The one HTML frame of every email: a heading, a paragraph, a button, a small print.
 * `intro` is HTML (escape what you put in it); everything else is escaped here.
 */
export function emailHtml({ heading, intro, button, footnote }: { heading: string; intro: string; button: { href: string; label: string }; footnote: string }) {
  return `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;background:#f4f4f5;padding:24px">
  <table role="presentation" style="max-width:480px;margin:auto;background:#fff;border-radius:12px;padding:32px">
    <tr><td>
      <h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
      <p style="color:#3f3f46;margin:0 0 24px">${intro}</p>
      <p style="margin:0 0 24px"><a href="${escapeHtml(button.href)}" style="background:#18181b;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(button.label)}</a></p>
      <p style="color:#71717a;font-size:13px;margin:0">${escapeHtml(footnote)}</p>
    </td></tr>
  </table>
</body></html>`;
}

import { getCurrentUser } from "@/lib/session/current-user";
import { getAvatar } from "@/lib/users/avatar";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/**
 * An uploaded profile picture, for signed-in people only (any of them: the picture is
 * shown wherever the person is). The URL carries the upload's version, so the browser
 * keeps it for a year; a new upload is a new URL.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ userId: string }> }): Promise<Response> {
  if (!(await getCurrentUser())) return text("Sign in to see this picture.", 401);
  const avatar = await getAvatar((await params).userId);
  if (!avatar) return text("No such picture.", 404);
  return new Response(new Uint8Array(avatar.bytes), {
    headers: {
      "Content-Type": avatar.contentType,
      "Content-Length": String(avatar.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, max-age=31536000, immutable",
      "Last-Modified": avatar.updatedAt.toUTCString(),
    },
  });
}

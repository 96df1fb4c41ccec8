import { signInUrl } from "@/lib/session/callback-url";
import { getCurrentUser } from "@/lib/session/current-user";
import { orNull } from "@/lib/errors/page";
import { exportBytes, getDownloadableExportOrThrow } from "@/lib/exports/download";

/**
 * Downloads a ready export, streamed piece by piece from the database. Signed-in only;
 * whether this user may have it is decided now (lib/exports/download.ts), so a member
 * who lost the right since asking cannot use an old link. Anything else is a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.redirect(new URL(signInUrl(new URL(request.url).pathname), request.url), 303);
  const row = await orNull(getDownloadableExportOrThrow(user.id, id));
  if (!row) return new Response("This export does not exist or has expired.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const chunks = exportBytes(row)[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${row.fileName}"`,
      ...(row.sizeBytes !== null && { "Content-Length": String(row.sizeBytes) }),
      "Cache-Control": "private, no-store",
    },
  });
}

import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { dataExportChunks, dataExports, memberships, tenants } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions/permissions";
import { isUuid } from "@/lib/validation/uuid";
import { isExpired, type DataExport } from "./exports";

/**
 * The export, if this user may download it now: their own account's, or a workspace's
 * they may still export (a member with `data.export` of a live workspace, checked at
 * download time, not only when it was asked for). Anything else is not found.
 */
export async function getDownloadableExportOrThrow(userId: string, exportId: string, now = new Date()): Promise<DataExport> {
  if (!isUuid(exportId)) throw new NotFoundError("This export does not exist or has expired.");
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  if (!row || row.status !== "ready" || isExpired(row, now)) throw new NotFoundError("This export does not exist or has expired.");
  if (row.kind === "account") {
    if (row.requestedById !== userId) throw new NotFoundError("This export does not exist or has expired.");
    return row;
  }
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.tenantId, row.tenantId!), eq(memberships.userId, userId), isNull(tenants.deletedAt)));
  if (!membership || !can(membership.role, "data.export")) throw new NotFoundError("This export does not exist or has expired.");
  return row;
}

/** The archive's bytes (the pieces of the build that finished it), one stored piece at a time. */
export async function* exportBytes(row: Pick<DataExport, "id" | "attempt">): AsyncIterable<Uint8Array> {
  if (!row.attempt) return;
  for (let seq = 0; ; seq++) {
    const [chunk] = await db
      .select({ data: dataExportChunks.data })
      .from(dataExportChunks)
      .where(and(eq(dataExportChunks.exportId, row.id), eq(dataExportChunks.attempt, row.attempt), eq(dataExportChunks.seq, seq)));
    if (!chunk) return;
    yield new Uint8Array(chunk.data);
  }
}

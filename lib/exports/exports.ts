import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { dataExports } from "@/db/schema";

export type DataExport = typeof dataExports.$inferSelect;

/** A ready archive can be downloaded this long; then the cleanup job deletes it. */
export const EXPORT_TTL_DAYS = 7;

export const exportPath = (id: string) => `/exports/${id}`;

const IN_PROGRESS = ["queued", "building"] as const;

/** The workspace's latest exports, newest first. */
export async function listTenantExports(tenantId: string, limit = 5): Promise<DataExport[]> {
  return db.select().from(dataExports).where(and(eq(dataExports.kind, "tenant"), eq(dataExports.tenantId, tenantId))).orderBy(desc(dataExports.createdAt)).limit(limit);
}

/** The user's latest exports of their own account, newest first. */
export async function listAccountExports(userId: string, limit = 5): Promise<DataExport[]> {
  return db.select().from(dataExports).where(and(eq(dataExports.kind, "account"), eq(dataExports.requestedById, userId))).orderBy(desc(dataExports.createdAt)).limit(limit);
}

export const inProgress = inArray(dataExports.status, [...IN_PROGRESS]);

export const isExpired = (row: Pick<DataExport, "expiresAt">, now = new Date()) => row.expiresAt !== null && row.expiresAt <= now;

import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { dataExportChunks, dataExports, tenants, users } from "@/db/schema";
import { APP_NAME } from "@/lib/config/app";
import { sendEmail } from "@/lib/email/send-email";
import { exportReadyEmail } from "@/lib/email/templates/export-ready";
import type { JobPayload } from "@/lib/jobs/definitions";
import { ChunkSink } from "./chunk-sink";
import { csvLine } from "./csv";
import { accountExportTables } from "./account-tables";
import { EXPORT_TTL_DAYS, exportPath } from "./exports";
import type { ExportTable } from "./sources";
import { tenantExportTables } from "./tenant-tables";
import { ZipWriter } from "./zip-writer";

const PART_CHARS = 64 * 1024;

/** Text in parts of about 64 kB, so the zip writer gets few, large pushes. */
async function* parts(lines: AsyncIterable<string>): AsyncIterable<string> {
  let buffer = "";
  for await (const line of lines) {
    buffer += line;
    if (buffer.length >= PART_CHARS) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

async function* jsonLines(table: ExportTable): AsyncIterable<string> {
  let first = true;
  yield "[";
  for await (const row of table.rows()) {
    const picked = Object.fromEntries(table.columns.map((c) => [c, row[c] ?? null]));
    yield `${first ? "\n" : ",\n"}${JSON.stringify(picked)}`;
    first = false;
  }
  yield "\n]\n";
}

async function* csvLines(table: ExportTable): AsyncIterable<string> {
  yield csvLine(table.columns);
  for await (const row of table.rows()) yield csvLine(table.columns.map((c) => row[c]));
}

const readme = (what: string, tables: ExportTable[]) =>
  [
    `${APP_NAME}: export of ${what}, made ${new Date().toISOString()}.`,
    "",
    "Each table is here twice: as JSON (an array of objects) and as CSV (UTF-8, a header row).",
    "Secrets are left out: no API key or invitation hashes, no session or OAuth tokens.",
    "",
    ...tables.map((t) => `- ${t.name}.json, ${t.name}.csv: ${t.columns.join(", ")}`),
    "",
  ].join("\n");

/** The workspace's name or the account's email; null when it no longer exists. */
async function subjectOf(row: typeof dataExports.$inferSelect): Promise<string | null> {
  if (row.kind === "tenant") {
    const [tenant] = await db.select({ name: tenants.name, deletedAt: tenants.deletedAt }).from(tenants).where(eq(tenants.id, row.tenantId!));
    return tenant && !tenant.deletedAt ? tenant.name : null;
  }
  if (!row.requestedById) return null;
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, row.requestedById));
  return user ? (user.email ?? "your account") : null;
}

/**
 * The `export-build` job: writes the archive into data_export_chunks, streaming every
 * table in batches (memory stays flat however big the workspace), marks it ready for
 * 7 days and mails the requester. A second run of a ready export does nothing; of a
 * half-built one, starts it over under a new attempt.
 */
export async function buildExport({ exportId, appUrl }: JobPayload<"export-build">) {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  if (!row) return { skipped: "gone" };
  if (row.status === "ready") return { skipped: "ready" };
  const label = await subjectOf(row);
  if (label === null) {
    await db.update(dataExports).set({ status: "failed", error: row.kind === "tenant" ? "The workspace was deleted." : "The account was deleted." }).where(eq(dataExports.id, exportId));
    return { skipped: "deleted" };
  }

  // Each run claims the export with an attempt of its own: a run that was given up for dead
  // and is still writing cannot mix its pieces into this one's, nor publish over it.
  const [claimed] = await db
    .update(dataExports)
    .set({ status: "building", error: null, attempt: sql`gen_random_uuid()` })
    .where(and(eq(dataExports.id, exportId), ne(dataExports.status, "ready")))
    .returning({ attempt: dataExports.attempt });
  if (!claimed?.attempt) return { skipped: "ready" };
  const attempt = claimed.attempt;
  const mine = and(eq(dataExports.id, exportId), eq(dataExports.attempt, attempt));
  try {
    const what = row.kind === "tenant" ? `the workspace ${label}` : `your account (${label})`;
    const tables = row.kind === "tenant" ? tenantExportTables(row.tenantId!) : accountExportTables(row.requestedById!);
    const sink = new ChunkSink(exportId, attempt);
    const zip = new ZipWriter(sink);
    await zip.file("README.txt", [readme(what, tables)]);
    for (const table of tables) {
      await zip.file(`${table.name}.json`, parts(jsonLines(table)));
      await zip.file(`${table.name}.csv`, parts(csvLines(table)));
    }
    await zip.end();

    const readyAt = new Date();
    const expiresAt = new Date(readyAt.getTime() + EXPORT_TTL_DAYS * 24 * 60 * 60 * 1000);
    const published = await db.transaction(async (tx) => {
      const [ready] = await tx.update(dataExports).set({ status: "ready", sizeBytes: sink.total, readyAt, expiresAt }).where(mine).returning({ id: dataExports.id });
      if (!ready) return false;
      await tx.delete(dataExportChunks).where(and(eq(dataExportChunks.exportId, exportId), ne(dataExportChunks.attempt, attempt)));
      const [requester] = row.requestedById ? await tx.select({ email: users.email, timeZone: users.timeZone }).from(users).where(eq(users.id, row.requestedById)) : [];
      if (requester?.email) {
        const message = exportReadyEmail({ what: row.kind === "tenant" ? `the workspace ${label}` : "your account", url: `${appUrl}${exportPath(exportId)}`, expiresAt, timeZone: requester.timeZone });
        await sendEmail({ to: requester.email, ...message }, { executor: tx });
      }
      return true;
    });
    if (!published) {
      await db.delete(dataExportChunks).where(and(eq(dataExportChunks.exportId, exportId), eq(dataExportChunks.attempt, attempt)));
      return { skipped: "superseded" };
    }
    return { bytes: sink.total };
  } catch (error) {
    await db.delete(dataExportChunks).where(and(eq(dataExportChunks.exportId, exportId), eq(dataExportChunks.attempt, attempt)));
    await db.update(dataExports).set({ status: "failed", error: "The export could not be built; it will be tried again." }).where(mine);
    throw error;
  }
}

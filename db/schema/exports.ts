import { bigint, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tenants } from "./tenants";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A data export: of a workspace (tenant_id set) or of the requesting user's own account.
 * Built by the `export-build` job; the archive lives in `data_export_chunks` until it
 * expires, so any server instance can serve the download.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["tenant", "account"] }).notNull(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    /** Null once the requester's account is gone: a workspace's export stays for its other admins (an account's is deleted with it). */
    requestedById: text("requested_by_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ["queued", "building", "ready", "failed"] }).notNull().default("queued"),
    fileName: text("file_name").notNull(),
    /** The build that owns the archive: each run claims a new one, so two runs never mix their pieces. */
    attempt: uuid("attempt"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("data_exports_tenant_idx").on(t.tenantId, t.createdAt), index("data_exports_user_idx").on(t.requestedById, t.createdAt)],
);

/** The archive of an export, in pieces of about 1 MB, in order: built and served without holding it in memory. */
export const dataExportChunks = pgTable(
  "data_export_chunks",
  {
    exportId: uuid("export_id")
      .notNull()
      .references(() => dataExports.id, { onDelete: "cascade" }),
    attempt: uuid("attempt").notNull(),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.attempt, t.seq] })],
);

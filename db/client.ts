import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { statementLogger } from "./statement-log";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** The PGlite instance, when embedded (migrations and tests need it). */
  pglite?: PGlite;
  /** Whether PostgreSQL may keep prepared statements (not behind a transaction-mode pooler). */
  serverPrepare: boolean;
  /** Raw SQL on the driver itself, for libraries that bring their own SQL (the job queue). */
  raw: RawSql;
  close(): Promise<void>;
};

/**
 * Text with `$1`-style parameters, or several statements without any, and rows back:
 * the shape pg-boss asks of a database (`{ executeSql }`).
 */
export type RawSql = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/** JSON for plain objects and null for undefined, as node-postgres does; arrays, dates and scalars as they are. */
export const rawParam = (value: unknown) =>
  value === undefined ? null : value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) ? JSON.stringify(value) : value;

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** Extensions the migrations create (trigram search); PGlite must load them up front. */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gin };

// db/ reads these few variables itself (lib/env validates them at start, with the same rules).
const envFlag = (value: string | undefined, fallback: boolean) =>
  value === undefined || value.trim() === "" ? fallback : value === "true" || value === "1";

const envSeconds = (value: string | undefined, fallback: number) =>
  value === undefined || value.trim() === "" || !(Number(value) >= 0) ? fallback : Number(value);

export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
export const DEFAULT_STATEMENT_TIMEOUT_SECONDS = 15;

export type PostgresOptions = {
  /** Server-side limit on one statement and on a transaction left idle; 0 sets none (migrations). */
  statementTimeoutSeconds?: number;
};

/**
 * DATABASE_STATEMENT_TIMEOUT, else 15 s, else none behind a transaction-mode pooler
 * (DATABASE_PREPARE=false): PgBouncer refuses startup parameters it does not know, and
 * every connection would fail. Set it on the database role there instead.
 */
export function statementTimeoutSeconds(env: { DATABASE_STATEMENT_TIMEOUT?: string; DATABASE_PREPARE?: string }): number {
  const pooled = !envFlag(env.DATABASE_PREPARE, true);
  return envSeconds(env.DATABASE_STATEMENT_TIMEOUT, pooled ? 0 : DEFAULT_STATEMENT_TIMEOUT_SECONDS);
}

export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  // Transaction-mode poolers (Supabase, Neon's pooled URL) cannot keep prepared statements.
  const serverPrepare = envFlag(process.env.DATABASE_PREPARE, true);
  // While the server is down or unreachable, fail in seconds rather than hold requests
  // for postgres.js's default 30 s; the server cancels statements that run too long.
  const statementMs = Math.round(1000 * (options.statementTimeoutSeconds ?? statementTimeoutSeconds({ DATABASE_STATEMENT_TIMEOUT: process.env.DATABASE_STATEMENT_TIMEOUT, DATABASE_PREPARE: process.env.DATABASE_PREPARE })));
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_MAX) || 10,
    prepare: serverPrepare,
    connect_timeout: envSeconds(process.env.DATABASE_CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT_SECONDS) || DEFAULT_CONNECT_TIMEOUT_SECONDS,
    // After a failed attempt postgres.js waits before trying again, up to 20 s by default,
    // and queries queued meanwhile wait with it: cap that wait at a quarter of a second.
    backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 0.25),
    // Sent as startup parameters; 0 sends none, for poolers that refuse them.
    connection: statementMs > 0 ? { statement_timeout: statementMs, idle_in_transaction_session_timeout: statementMs } : {},
    onnotice: () => {},
  });
  return {
    db: drizzlePostgres(client, { schema, logger: statementLogger }) as unknown as Database,
    kind: "postgres",
    serverPrepare,
    raw: {
      async executeSql(text, values) {
        if (values?.length) return { rows: [...((await client.unsafe(text, values.map(rawParam) as never[])) as unknown as Record<string, unknown>[])] };
        // Without parameters, the simple protocol: pg-boss sends several statements at once,
        // some of them a whole BEGIN … COMMIT, which postgres.js runs only on a connection of its own.
        const reserved = /^\s*BEGIN\b/i.test(text) ? await client.reserve() : null;
        let rows;
        try {
          rows = await (reserved ?? client).unsafe(text).simple();
        } finally {
          reserved?.release();
        }
        const last = rows.length > 0 && Array.isArray(rows[0]) ? rows.at(-1) : rows; // several statements: one result each
        return { rows: [...(last as unknown as Record<string, unknown>[])] };
      },
    },
    close: () => client.end({ timeout: 5 }),
  };
}

export function openPglite(pglite: PGlite): DatabaseHandle {
  return {
    db: drizzlePglite(pglite, { schema, logger: statementLogger }) as unknown as Database,
    kind: "pglite",
    pglite,
    serverPrepare: false,
    raw: {
      async executeSql(text, values) {
        if (values?.length) return { rows: (await pglite.query<Record<string, unknown>>(text, values.map(rawParam))).rows };
        const results = await pglite.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      },
    },
    close: () => pglite.close(),
  };
}

/** The database the environment asks for: Postgres with DATABASE_URL, else PGlite on disk. */
export function openDefaultDatabase(options: PostgresOptions = {}): DatabaseHandle {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return openPostgres(url, options);
  // `next build` imports server modules in several workers at once; they must not
  // share the data folder, and nothing they do needs to persist.
  if (process.env.NEXT_PHASE === "phase-production-build") return openPglite(new PGlite({ extensions: PGLITE_EXTENSIONS }));
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR ?? DEFAULT_PGLITE_DIR);
  mkdirSync(dir, { recursive: true });
  return openPglite(new PGlite(dir, { extensions: PGLITE_EXTENSIONS }));
}

// One handle per process, kept on globalThis so that Next's dev reloads and several
// bundles in one server share it (two PGlite instances on one folder corrupt it).
const globalForDb = globalThis as unknown as { __databaseHandle?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.__databaseHandle ??= openDefaultDatabase();
  return globalForDb.__databaseHandle;
}

/** Lets tests and scripts choose the database before anything opens the default one. */
export function setDatabaseHandle(handle: DatabaseHandle | undefined) {
  globalForDb.__databaseHandle = handle;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/**
 * The process's database, opened on first use. A proxy so that importing this module
 * opens nothing: tests choose their own database first, and `next build` never
 * touches a real one unless a page really queries.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDb();
    const value = Reflect.get(real, property, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

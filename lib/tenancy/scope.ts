import "server-only";
import { and, count, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { db, type Database, type Executor } from "@/db/client";
import { prepared, type Prepared } from "@/db/prepared";
import { NotFoundError } from "@/lib/errors";
import type { TenantContext } from "./context";

/** A table whose rows belong to one tenant each. */
export type TenantOwnedTable = PgTable & { tenantId: AnyPgColumn };

type Row<T extends TenantOwnedTable> = T["$inferSelect"];
type NewRow<T extends TenantOwnedTable> = Omit<T["$inferInsert"], "tenantId">;
type Changes<T extends TenantOwnedTable> = Partial<Omit<T["$inferInsert"], "tenantId">>;

type FindManyOptions = {
  where?: SQL;
  orderBy?: SQL | AnyPgColumn | (SQL | AnyPgColumn)[];
  limit?: number;
  offset?: number;
};

export interface TenantScope {
  /** Who acts, in which tenant: the scope's rows are always this tenant's. */
  readonly ctx: TenantContext;
  /** The connection or transaction the scope runs on, for statements outside it (jobs, webhook events). */
  readonly tx: Executor;
  readonly tenantId: string;
  /** The tenant filter on `table`, and-ed with any further conditions. */
  owned(table: TenantOwnedTable, ...conditions: (SQL | undefined)[]): SQL;
  findMany<T extends TenantOwnedTable>(table: T, options?: FindManyOptions): Promise<Row<T>[]>;
  findFirst<T extends TenantOwnedTable>(table: T, where?: SQL): Promise<Row<T> | undefined>;
  getOrThrow<T extends TenantOwnedTable>(table: T, where: SQL, what?: string): Promise<Row<T>>;
  count<T extends TenantOwnedTable>(table: T, where?: SQL): Promise<number>;
  insert<T extends TenantOwnedTable>(table: T, values: NewRow<T> | NewRow<T>[]): Promise<Row<T>[]>;
  update<T extends TenantOwnedTable>(table: T, changes: Changes<T>, where: SQL): Promise<Row<T>[]>;
  delete<T extends TenantOwnedTable>(table: T, where: SQL): Promise<Row<T>[]>;
  /** Runs `fn` in one transaction, with a scope bound to it. */
  transaction<R>(fn: (scope: TenantScope) => Promise<R>): Promise<R>;
}

function withoutTenantId<T extends object>(values: T): T {
  if (!("tenantId" in values)) return values;
  const copy = { ...values } as Record<string, unknown>;
  delete copy.tenantId;
  return copy as T;
}

type Owned = (table: TenantOwnedTable, ...conditions: (SQL | undefined)[]) => SQL;

// Each caller condition is parenthesised: drizzle's and() does not, so a raw
// `a OR b` would otherwise bind as `tenant AND a OR b` and reach every tenant.
const ownedBy =
  (tenantId: string | ReturnType<typeof sql.placeholder>): Owned =>
  (table, ...conditions) =>
    and(eq(table.tenantId, tenantId), ...conditions.filter((c) => c !== undefined).map((c) => sql`(${c})`)) as SQL;

/**
 * A statement over tenant-owned data, prepared once (see db/prepared.ts) and run for one
 * tenant at a time. `build` gets `owned`, the same tenant filter as `tenantScope(ctx).owned`,
 * on a placeholder that only the context given to the returned function fills: no caller
 * can pass another tenant's id. For the hottest reads; everything else uses `tenantScope`.
 */
export function preparedTenantQuery<R>(build: (db: Database, owned: Owned) => Prepared<R>) {
  const run = prepared((database) => build(database, ownedBy(sql.placeholder("tenantId"))));
  return (ctx: TenantContext, values: Record<string, unknown>): Promise<R> => run({ ...values, tenantId: ctx.tenant.id });
}

/**
 * Queries of tenant-owned tables, always confined to the context's tenant: every
 * read, update and delete is filtered by `tenant_id`, every insert gets it set, and
 * no caller can pass another tenant's id. For a query these helpers do not cover
 * (a join, a partial select), build it with `scope.owned(table, ...)` as the
 * where-clause, which carries the same filter.
 *
 * Deliberately no chainable builder: drizzle's `.where()` replaces the previous one,
 * so a chained `.where()` could silently drop the tenant filter.
 */
export function tenantScope(ctx: TenantContext, executor: Executor = db): TenantScope {
  const tenantId = ctx.tenant.id;
  // Drizzle's generic builders cannot be typed over an arbitrary table; results are
  // typed by the table's own inferred row types at the boundary instead.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const run = executor as any;

  const owned = ownedBy(tenantId);

  const scope: TenantScope = {
    ctx,
    tx: executor,
    tenantId,
    owned,

    async findMany<T extends TenantOwnedTable>(table: T, options: FindManyOptions = {}): Promise<Row<T>[]> {
      let query = run.select().from(table).where(owned(table, options.where)).$dynamic();
      if (options.orderBy) query = query.orderBy(...[options.orderBy].flat());
      if (options.limit !== undefined) query = query.limit(options.limit);
      if (options.offset !== undefined) query = query.offset(options.offset);
      return query;
    },

    async findFirst<T extends TenantOwnedTable>(table: T, where?: SQL): Promise<Row<T> | undefined> {
      const rows = await run.select().from(table).where(owned(table, where)).limit(1);
      return rows[0];
    },

    async getOrThrow<T extends TenantOwnedTable>(table: T, where: SQL, what = "Not found"): Promise<Row<T>> {
      const row = await scope.findFirst(table, where);
      if (!row) throw new NotFoundError(what);
      return row;
    },

    async count<T extends TenantOwnedTable>(table: T, where?: SQL): Promise<number> {
      const [row] = await run.select({ n: count() }).from(table).where(owned(table, where));
      return Number(row?.n ?? 0);
    },

    async insert<T extends TenantOwnedTable>(table: T, values: NewRow<T> | NewRow<T>[]): Promise<Row<T>[]> {
      const list = (Array.isArray(values) ? values : [values]).map((v) => ({ ...withoutTenantId(v), tenantId }));
      return run.insert(table).values(list).returning();
    },

    async update<T extends TenantOwnedTable>(table: T, changes: Changes<T>, where: SQL): Promise<Row<T>[]> {
      return run.update(table).set(withoutTenantId(changes)).where(owned(table, where)).returning();
    },

    async delete<T extends TenantOwnedTable>(table: T, where: SQL): Promise<Row<T>[]> {
      return run.delete(table).where(owned(table, where)).returning();
    },

    transaction(fn) {
      return executor.transaction((tx) => fn(tenantScope(ctx, tx)));
    },
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */
  return scope;
}

/**
 * Runs `fn` in one transaction with a scope bound to it: the one argument every
 * lib function that writes inside a transaction takes (`logActivity(scope, ...)`,
 * `assertWithinLimit(scope, ...)`), instead of a context and a transaction apart.
 */
export function tenantTransaction<R>(ctx: TenantContext, fn: (scope: TenantScope) => Promise<R>): Promise<R> {
  return tenantScope(ctx).transaction(fn);
}

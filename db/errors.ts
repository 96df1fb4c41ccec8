/** True for a Postgres unique violation (23505), from either driver, wrapped or not. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const pgError = e as { code?: string; constraint?: string; constraint_name?: string; message?: string };
    if (pgError.code === "23505") {
      if (!constraint) return true;
      const name = pgError.constraint ?? pgError.constraint_name;
      return name ? name === constraint : Boolean(pgError.message?.includes(constraint));
    }
  }
  return false;
}

// What "the database cannot answer right now" looks like, from the socket up:
const UNAVAILABLE_CODES = new Set([
  // Node's socket errors: refused, reset, unreachable, no such host.
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
  // postgres.js: connect_timeout passed, or the server closed the connection.
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_DESTROYED",
  // PostgreSQL: shutting down, starting up, full, or a statement/idle-transaction timeout.
  "57P01", "57P02", "57P03", "53300", "57014", "25P03",
]);

// 08P01 is a configuration problem, not a passing state: a pooler refusing a startup
// parameter (PgBouncer and `statement_timeout`) says it on every connection.
const PROTOCOL_VIOLATION = "08P01";

/**
 * True when an error says the database is down, unreachable, overloaded or too slow
 * (a passing state: retry later), from either driver, wrapped (drizzle's
 * DrizzleQueryError keeps the driver's error as `cause`) or not. Class 08 is
 * PostgreSQL's "connection exception".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen: unknown[] = [error];
  for (let i = 0; i < seen.length && i < 8; i++) {
    const e = seen[i] as { code?: unknown; cause?: unknown; errors?: unknown } | null;
    if (!e || typeof e !== "object") continue;
    if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || (e.code.startsWith("08") && e.code !== PROTOCOL_VIOLATION))) return true;
    if (e.cause) seen.push(e.cause);
    // Node's AggregateError, when every address of a host refused (IPv6 and IPv4).
    if (Array.isArray(e.errors)) seen.push(...(e.errors as unknown[]));
  }
  return false;
}

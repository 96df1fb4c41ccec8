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

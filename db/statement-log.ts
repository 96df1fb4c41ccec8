import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

// Every statement the app sends goes through drizzle (the Auth.js adapter too), so
// drizzle's logger sees them all. Outside `recordStatements` it does nothing.
const recorder = new AsyncLocalStorage<string[]>();

export const statementLogger: Logger = {
  logQuery(query) {
    recorder.getStore()?.push(query);
  },
};

/**
 * Runs `fn` and returns the SQL of every statement it sent, in order: for tests
 * that pin how many round trips a request costs. (Transactions also send BEGIN and
 * COMMIT, which drivers issue without drizzle's logger; a hot path has none.)
 */
export async function recordStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const result = await recorder.run(statements, fn);
  return { result, statements };
}

import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/errors";

/** A load balancer gives up on a probe after a few seconds: answer well before that. */
export const HEALTH_TIMEOUT_MS = 2_000;

/** Whether the database answers `select 1` within `timeoutMs`. */
export async function isDatabaseReachable(timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ping = db.execute(sql`select 1`).then(
    () => true,
    (error: unknown) => {
      if (!isDatabaseUnavailable(error)) console.error("Health check failed", error);
      return false;
    },
  );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([ping, late]);
  } finally {
    clearTimeout(timer);
  }
}

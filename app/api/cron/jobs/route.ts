import { hasCronSecret } from "@/lib/worker/cron-secret";
import { runJobs } from "@/lib/worker/run-jobs";

// Vercel Cron calls this (vercel.json); anyone else needs the same secret.
export const maxDuration = 60;

/** Runs the background queue for up to ~45 s: scheduled jobs, everything ready, upkeep. */
export async function GET(request: Request): Promise<Response> {
  if (!hasCronSecret(request)) {
    return Response.json({ error: { code: "unauthorized", message: "This route needs Authorization: Bearer $CRON_SECRET." } }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const result = await runJobs({ deadline: Date.now() + 45_000, force: true });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}

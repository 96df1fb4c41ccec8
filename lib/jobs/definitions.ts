import { z } from "zod";
import type { JobQueueName } from "@/db/job-queue";
export { deadLetterOf } from "@/db/job-queue";

/** A scheduled job: no payload, two quick retries, then the next period's run. */
const SCHEDULED = { payload: z.object({}), retryLimit: 2, retryDelay: 60, retryBackoff: false, expireInSeconds: 600, retentionDays: 1 } as const;

/**
 * Every kind of background job: its payload, and how hard to try. A failed job is
 * retried after `retryDelay` seconds, doubling each time with `retryBackoff`; after
 * `retryLimit` retries it is failed and a copy goes to its dead-letter queue
 * (`{name}-dead`), where `npm run jobs` shows it (failed jobs for 7 days, dead copies for 14).
 * Handlers: lib/worker/handlers.ts.
 */
export const JOBS = {
  /** One email; its body sealed with the app's secret (lib/security/sealed.ts). */
  "email-send": {
    payload: z.object({ to: z.string(), subject: z.string(), sealed: z.string() }),
    retryLimit: 10,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 120,
    retentionDays: 7,
  },
  /** Cancels every live Stripe subscription of a deleted workspace now; retried until Stripe confirms (about a week). */
  "billing-cancel-subscription": {
    /** `before`: only subscriptions created before then (a later one is a new choice, after a restore). */
    payload: z.object({ tenantId: z.string(), before: z.iso.datetime() }),
    retryLimit: 12,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 120,
    retentionDays: 30,
  },
  /**
   * Sets a per-seat subscription's quantity to the member count (lib/billing/seats.ts);
   * retried until Stripe confirms (about a day: 30 s × 2^n).
   */
  "billing-sync-seats": {
    payload: z.object({ tenantId: z.string() }),
    retryLimit: 12,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 120,
    retentionDays: 7,
  },
  /** Builds a data export's archive (lib/exports). */
  "export-build": {
    payload: z.object({ exportId: z.string(), appUrl: z.string() }),
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 60 * 30,
    retentionDays: 7,
  },
  /**
   * One event to one webhook endpoint (lib/webhooks/deliver.ts). 13 attempts over about
   * three days (45 s × 2^n, with pg-boss's jitter: 2 to 4 days in all); the handler ends
   * the last one itself, marking the delivery failed.
   */
  "webhook-deliver": {
    payload: z.object({ tenantId: z.string(), deliveryId: z.string() }),
    retryLimit: 12,
    retryDelay: 45,
    retryBackoff: true,
    expireInSeconds: 60,
    retentionDays: 7,
  },
  /** Scheduled: prunes expired sessions, sign-in tokens, invitations, rate-limit windows, exports. */
  "maintenance-cleanup": SCHEDULED,
  /** Scheduled: purges workspaces deleted more than 30 days ago. */
  "tenants-purge": SCHEDULED,
  /** Scheduled: mails trial reminders (3 days and 1 day before the end) and ends trials that ran out (lib/billing/trials.ts). */
  "billing-trials": SCHEDULED,
} as const satisfies Record<JobQueueName, JobDefinition>;

type JobDefinition = {
  payload: z.ZodType<Record<string, unknown>>;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /** A running job not finished by then is failed (its worker died) and retried. */
  expireInSeconds: number;
  /**
   * pg-boss archives a job still waiting this long after it was queued, without failing
   * it: every retry must fall inside (the last waits up to retryDelay × 2^retryLimit).
   */
  retentionDays: number;
};

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];


/** Jobs put on the queue by the clock rather than by a change (lib/worker/schedules.ts). */
export const SCHEDULED_JOBS: { name: JobName; everySeconds: number }[] = [
  { name: "maintenance-cleanup", everySeconds: 60 * 60 },
  { name: "tenants-purge", everySeconds: 60 * 60 },
  { name: "billing-trials", everySeconds: 15 * 60 },
];

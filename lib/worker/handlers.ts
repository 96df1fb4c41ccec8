import "server-only";
import type { JobName, JobPayload } from "@/lib/jobs/definitions";

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, job: { id: string }) => Promise<unknown>;

/**
 * What each job does. Every handler may run twice for one job (at least once: a worker
 * that dies mid-job leaves it to expire and be retried), so each is idempotent. Each is
 * loaded when its first job runs: a server that never exports never loads the zip writer.
 */
export const JOB_HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "email-send": async (payload) => (await import("@/lib/email/send-email")).deliverEmail(payload),
  "billing-cancel-subscription": async (payload) => (await import("@/lib/billing/cancel-subscription")).cancelSubscriptionNow(payload),
  "billing-sync-seats": async (payload, job) => (await import("@/lib/billing/seats")).syncSeatQuantity(payload, job),
  "billing-trials": async () => (await import("@/lib/billing/trial-clock")).runTrialClock(),
  "export-build": async (payload) => (await import("@/lib/exports/build-export")).buildExport(payload),
  "webhook-deliver": async (payload) => (await import("@/lib/webhooks/deliver")).deliverWebhook(payload),
  "maintenance-cleanup": async () => (await import("@/lib/maintenance/cleanup")).cleanUpExpired(),
  "tenants-purge": async () => (await import("@/lib/tenants/purge-tenants")).purgeDeletedTenants(),
};

import "server-only";
import { cancelSubscriptionNow } from "@/lib/billing/cancel-subscription";
import { deliverEmail } from "@/lib/email/send-email";
import { buildExport } from "@/lib/exports/build-export";
import type { JobName, JobPayload } from "@/lib/jobs/definitions";
import { cleanUpExpired } from "@/lib/maintenance/cleanup";
import { purgeDeletedTenants } from "@/lib/tenants/purge-tenants";

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, job: { id: string }) => Promise<unknown>;

/**
 * What each job does. Every handler may run twice for one job (at least once: a worker
 * that dies mid-job leaves it to expire and be retried), so each is idempotent.
 */
export const JOB_HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "email-send": deliverEmail,
  "billing-cancel-subscription": cancelSubscriptionNow,
  "export-build": buildExport,
  "maintenance-cleanup": () => cleanUpExpired(),
  "tenants-purge": () => purgeDeletedTenants(),
};

import Link from "next/link";
import { daysLeftLabel } from "@/components/billing/trial-days";
import { planOf } from "@/lib/plans/plans";

/** Above a tenant's pages while its free trial runs, from the tenant row alone (no query). */
export function TrialBanner({ tenant, billingHref }: { tenant: { planId: string; trialEndsAt: Date | null }; billingHref: string | null }) {
  const now = new Date();
  if (!tenant.trialEndsAt || tenant.trialEndsAt <= now) return null;
  return (
    <div role="status" className="border-b border-sky-200 bg-sky-50 px-4 py-2 text-center text-sm break-words text-sky-950">
      <strong className="font-semibold">{planOf(tenant.planId).name} trial:</strong> {`${daysLeftLabel(tenant.trialEndsAt, now)}.`}
      {billingHref && (
        <>
          {" "}
          <Link href={billingHref} className="font-medium underline underline-offset-2">
            Choose a plan
          </Link>
        </>
      )}
    </div>
  );
}

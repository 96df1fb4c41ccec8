import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describeActivity } from "@/lib/activity/describe";
import { listActivity } from "@/lib/activity/list-activity";
import { formatDateTime } from "@/lib/format/dates";
import type { TenantContext } from "@/lib/tenants/context";
import { tenantPath } from "@/lib/tenants/paths";
import { tenantPage } from "../tenant-page";

export const metadata: Metadata = { title: "Activity" };

export default tenantPage(
  { permission: "activity.read", title: "Activity", denied: "Only owners and admins can see the activity log." },
  ActivityPage,
);

async function ActivityPage(
  ctx: TenantContext,
  {
    params,
    searchParams,
  }: {
    params: Promise<{ slug: string }>;
    searchParams: Promise<{ before?: string }>;
  },
) {
  const { slug } = await params;
  const before = Number((await searchParams).before) || undefined;
  const { entries, nextBefore } = await listActivity(ctx, { before });

  return (
    <>
      <PageHeader title="Activity" description="Who did what in this workspace, newest first." />
      <Card>
        {entries.length === 0 ? (
          <p className="p-6 text-sm text-zinc-500">{before ? "No older entries." : "Nothing has happened yet."}</p>
        ) : (
          <ol className="divide-y divide-zinc-200">
            {entries.map((entry) => (
              <li key={entry.id} className="grid gap-1 px-5 py-3 sm:grid-cols-[1fr_auto] sm:gap-4 sm:px-6" data-testid="activity-entry">
                <p>
                  <span className="font-medium">{entry.actorLabel ?? "Someone"}</span> {describeActivity(entry)}
                </p>
                <p className="text-sm text-zinc-500 sm:text-right">
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                  {entry.ip && <span className="block text-xs">from {entry.ip}</span>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
      {(before || nextBefore) && (
        <nav aria-label="Pages" className="flex justify-between">
          {before ? (
            <Button asChild variant="outline" size="sm">
              <Link href={tenantPath(slug, "activity")}>Newest</Link>
            </Button>
          ) : (
            <span />
          )}
          {nextBefore && (
            <Button asChild variant="outline" size="sm">
              <Link href={`${tenantPath(slug, "activity")}?before=${nextBefore}`}>Older entries</Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}

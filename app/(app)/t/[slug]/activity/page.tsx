import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFilters, type ActorOption } from "@/components/activity/activity-filters";
import { PageHeader } from "@/components/app/page-header";
import { IgnoredQueryNote } from "@/components/resources/ignored-query-note";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { getViewer } from "@/lib/format/viewer";
import { loadActivityPage, type ActivityPage as Page } from "@/lib/activity/activity-page";
import { actorName, actorParam } from "@/lib/activity/actors";
import { describeActivity } from "@/lib/activity/describe";
import { readActivityQuery, type ActivityQuery } from "@/lib/activity/schemas";
import { formatIp } from "@/lib/format/ip";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
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
    searchParams: Promise<Record<string, string | string[] | undefined>>;
  },
) {
  const { slug } = await params;
  const query = readActivityQuery(await searchParams);
  const { filter, paging } = query;
  // A filter the log cannot read matches nothing: showing everything would pretend it worked.
  const [page, viewer] = await Promise.all([loadActivityPage(ctx, { filter: query.unknown.length > 0 ? null : filter, paging }), getViewer()]);
  const { entries, olderBefore, newerAfter } = page;

  const base = tenantPath(slug, "activity");
  const filterParams: Record<string, string> = {
    ...(filter.actor ? { actor: actorParam(filter.actor) } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  const href = (extra: Record<string, string> = {}) => {
    const search = new URLSearchParams({ ...filterParams, ...extra }).toString();
    return search ? `${base}?${search}` : base;
  };
  const filtered = Object.keys(filterParams).length > 0 || query.unknown.length > 0;
  const paged = paging.before !== undefined || paging.after !== undefined;

  return (
    <>
      <PageHeader title="Activity" description="Who did what in this workspace, newest first." />
      <ActivityFilters
        action={base}
        people={peopleOptions(ctx, page, query)}
        actor={filter.actor ? actorParam(filter.actor) : ""}
        kind={filter.kind ?? ""}
        filtered={filtered}
      />
      <IgnoredQueryNote ignored={query.pagingIgnored ? ["cursor"] : []} />
      <Card>
        {entries.length === 0 ? (
          <div className="grid justify-items-start gap-2 p-6 text-sm" data-testid="activity-empty">
            <p className="text-zinc-600">{emptyMessage(page, query)}</p>
            {paged && (
              <Link href={href()} className="underline">
                Go to the newest entries
              </Link>
            )}
            {filtered && (
              <Link href={base} className="underline">
                Clear the filters
              </Link>
            )}
          </div>
        ) : (
          <ol className="divide-y divide-zinc-200">
            {entries.map((entry) => (
              <li key={entry.id} className="grid gap-1 px-5 py-3 sm:grid-cols-[1fr_auto] sm:gap-4 sm:px-6" data-testid="activity-entry">
                <p>
                  <span className="font-medium">{actorName(entry)}</span> {describeActivity(entry)}
                </p>
                <p className="text-sm text-zinc-500 sm:text-right">
                  <LocalTime date={entry.createdAt} viewer={viewer} style="relative" />
                  {entry.ip && <span className="block text-xs">from {formatIp(entry.ip)}</span>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
      {(paged || olderBefore || newerAfter) && entries.length > 0 && (
        <nav aria-label="Pages" className="flex flex-wrap justify-between gap-2">
          <span className="flex gap-2">
            {paged && (
              <Button asChild variant="outline" size="sm">
                <Link href={href()}>Newest</Link>
              </Button>
            )}
            {newerAfter && (
              <Button asChild variant="outline" size="sm">
                <Link href={href({ after: String(newerAfter) })}>Newer entries</Link>
              </Button>
            )}
          </span>
          {olderBefore && (
            <Button asChild variant="outline" size="sm">
              <Link href={href({ before: String(olderBefore) })}>Older entries</Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}

/** The members to filter by, and the person the link asks for if they have left but have entries here. */
function peopleOptions(ctx: TenantContext, page: Page, { filter }: ActivityQuery): ActorOption[] {
  const people = page.members.map((m) => ({ value: m.userId, label: `${m.name || m.email || "Unnamed member"}${m.userId === ctx.user.id ? " (you)" : ""}` }));
  const asked = filter.actor?.type === "user" ? filter.actor.userId : null;
  if (asked && !people.some((p) => p.value === asked) && page.entries.length > 0) {
    people.push({ value: asked, label: `${page.entries[0]!.actorLabel ?? "Someone"} (former member)` });
  }
  return people;
}

function emptyMessage(page: Page, { filter, unknown, paging }: ActivityQuery): string {
  if (unknown.includes("kind")) return "This link asks for a kind of activity the log does not have, so nothing is shown. Choose one from the list.";
  if (unknown.includes("actor")) return "This link asks for someone the log cannot look up, so nothing is shown. Choose someone from the list.";
  const actor = filter.actor;
  const side = paging.before !== undefined ? "older " : paging.after !== undefined ? "newer " : "";
  if (!side && actor?.type === "user" && !page.members.some((m) => m.userId === actor.userId)) {
    const done = filter.kind ? "did nothing of this kind here" : "nothing here was done by them";
    return `That person is not a member of this workspace, and ${done}. The link may be from another workspace.`;
  }
  if (filter.actor || filter.kind) return `No ${side}entries match these filters.`;
  return side ? `No ${side}entries.` : "Nothing has happened yet.";
}

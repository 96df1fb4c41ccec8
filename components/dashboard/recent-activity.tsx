import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { actorName } from "@/lib/activity/actors";
import { describeActivity } from "@/lib/activity/describe";
import type { ActivityEntry } from "@/lib/activity/events";
import type { Viewer } from "@/lib/format/dates";

export function RecentActivity({ entries, viewer, href }: { entries: (ActivityEntry)[]; viewer: Viewer; href: string }) {
  return (
    <Card>
      <CardHeader className="flex flex-row items-baseline justify-between">
        <CardTitle>Recent activity</CardTitle>
        <Link href={href} className="text-sm font-medium underline-offset-4 hover:underline">
          See all
        </Link>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-zinc-500">Nothing has happened yet.</p>
        ) : (
          <ol className="grid gap-3">
            {entries.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-x-3 text-sm">
                <p className="min-w-0 [overflow-wrap:anywhere]">
                  <span className="font-medium">{actorName(entry)}</span> {describeActivity(entry)}
                </p>
                <LocalTime date={entry.createdAt} viewer={viewer} style="relative" className="text-zinc-500" />
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

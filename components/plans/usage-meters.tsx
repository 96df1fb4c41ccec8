import { LIMIT_LABELS, type LimitName, type Plan } from "@/lib/plans/plans";
import { capitalised } from "@/lib/format/text";

export type UsageMeter = { name: LimitName; used?: number; max: number | null; /** Said after the figures, e.g. "1 pending invitation". */ note?: string };


/** Use against the plan's limits: figures for everyone, a bar for eyes (a meter for screen readers). */
export function UsageMeters({ meters }: { meters: UsageMeter[] }) {
  return (
    <ul className="grid gap-3" data-testid="usage">
      {meters.map(({ name, used, max, note }) => {
        const label = name === "members" ? "Seats" : capitalised(LIMIT_LABELS[name].many);
        const figures = `${used !== undefined ? `${used.toLocaleString("en")} of ` : "up to "}${max === null ? "unlimited" : max.toLocaleString("en")}`;
        const full = used !== undefined && max !== null && used >= max;
        return (
          <li key={name} className="grid gap-1">
            <div className="flex flex-wrap justify-between gap-x-3 text-sm">
              <span id={`usage-${name}`}>{label}</span>
              <span className="text-zinc-600">
                {figures}
                {note && <span className="text-zinc-500"> · {note}</span>}
              </span>
            </div>
            {used !== undefined && max !== null && (
              <div
                role="meter"
                aria-labelledby={`usage-${name}`}
                aria-valuemin={0}
                aria-valuemax={max}
                aria-valuenow={Math.min(used, max)}
                aria-valuetext={`${figures}${full ? ", at the limit" : ""}`}
                className="h-1.5 overflow-hidden rounded-full bg-zinc-200"
              >
                <div className={full ? "h-full bg-amber-500" : "h-full bg-zinc-900"} style={{ width: `${Math.min(100, max === 0 ? 100 : (used / max) * 100)}%` }} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** "1 pending invitation", or nothing when there are none. */
export function pendingNote(pending: number): string | undefined {
  if (pending === 0) return undefined;
  return `${pending} pending invitation${pending === 1 ? "" : "s"}`;
}

/** The plan's every limit against use; seats say how many pending invitations hold one. */
export function PlanUsage({ plan, usage, pendingInvitations }: { plan: Plan; usage: Partial<Record<LimitName, number>>; pendingInvitations: number }) {
  return (
    <UsageMeters
      meters={(Object.keys(plan.limits) as LimitName[]).map((name) => ({
        name,
        used: usage[name],
        max: plan.limits[name],
        note: name === "members" ? pendingNote(pendingInvitations) : undefined,
      }))}
    />
  );
}

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { OTHER_ACTORS } from "@/lib/activity/actors";
import { ACTIVITY_KINDS } from "@/lib/activity/kinds";

export type ActorOption = { value: string; label: string };

/**
 * The log's filter: a plain GET form, so it works without JavaScript. Submitting starts
 * from the newest entry (the page links' `before`/`after` are not part of it).
 */
export function ActivityFilters({
  action,
  people,
  actor,
  kind,
  filtered,
}: {
  action: string;
  /** Members, and a former member the link asks for. */
  people: ActorOption[];
  actor: string;
  kind: string;
  filtered: boolean;
}) {
  return (
    <form role="search" aria-label="Filter the activity log" action={action} className="flex flex-wrap items-end gap-3">
      <div className="grid min-w-48 flex-1 gap-1.5 sm:flex-none">
        <Label htmlFor="activity-actor">Who</Label>
        <Select id="activity-actor" name="actor" defaultValue={actor}>
          <option value="">Everyone</option>
          <optgroup label="Members">
            {people.map((person) => (
              <option key={person.value} value={person.value}>
                {person.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Others">
            {OTHER_ACTORS.map((other) => (
              <option key={other.value} value={other.value}>
                {other.label}
              </option>
            ))}
          </optgroup>
        </Select>
      </div>
      <div className="grid min-w-48 flex-1 gap-1.5 sm:flex-none">
        <Label htmlFor="activity-kind">What</Label>
        <Select id="activity-kind" name="kind" defaultValue={kind}>
          <option value="">Everything</option>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="outline">
          Filter
        </Button>
        {filtered && (
          <Link href={action} className="text-sm underline">
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}

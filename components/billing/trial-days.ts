import { wholeDaysUntil } from "@/lib/format/dates";

/** "12 days left", "1 day left": counted as the reminder emails count them. */
export function daysLeftLabel(endsAt: Date, now = new Date()): string {
  const days = wholeDaysUntil(endsAt, now);
  return days === 1 ? "1 day left" : `${days} days left`;
}

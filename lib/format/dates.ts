/** "Nov 22, 2026": dates in lists. Server-rendered, so one fixed locale and zone avoid hydration drift. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

/** "Nov 22, 2026, 14:05 UTC": times in the activity log. */
export function formatDateTime(date: Date): string {
  return `${date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "UTC" })} UTC`;
}

import { formatDate, formatDateTime, formatExact, formatRelative } from "@/lib/format/dates";
import { getViewer } from "@/lib/format/viewer";

/**
 * A date in the viewer's zone and locale, with the exact time (zone named) on hover.
 * "relative" reads "3 hours ago" for recent times and falls back to the date.
 */
export async function LocalTime({ date, style = "date", className }: { date: Date; style?: "date" | "dateTime" | "relative"; className?: string }) {
  const viewer = await getViewer();
  const text = style === "date" ? formatDate(date, viewer) : style === "dateTime" ? formatDateTime(date, viewer) : formatRelative(date, viewer);
  return (
    <time dateTime={date.toISOString()} title={formatExact(date, viewer)} className={className}>
      {text}
    </time>
  );
}

import { formatDate, formatDateTime, formatExact, formatRelative, type Viewer } from "@/lib/format/dates";

/**
 * A date in the viewer's zone and locale (the page gets it from getViewer()), with the
 * exact time, zone named, on hover. "relative" reads "3 hours ago" for recent times and
 * falls back to the date.
 */
export function LocalTime({ date, viewer, style = "date", className }: { date: Date; viewer: Viewer; style?: "date" | "dateTime" | "relative"; className?: string }) {
  const text = style === "date" ? formatDate(date, viewer) : style === "dateTime" ? formatDateTime(date, viewer) : formatRelative(date, viewer);
  return (
    <time dateTime={date.toISOString()} title={formatExact(date, viewer)} className={className}>
      {text}
    </time>
  );
}

/**
 * Dates for people: in their locale and time zone when we know them, otherwise in
 * English and UTC with the zone named. Formatters are cached per (locale, zone): building
 * an Intl formatter per call (what toLocaleString does) cost a page with 25 dates 5% of
 * its server CPU.
 */
export type Viewer = {
  locale: string;
  timeZone: string;
  /** False when the zone is a fallback the person did not choose: the zone is then named. */
  zoneKnown: boolean;
};

export { TIME_ZONE_COOKIE } from "./time-zone-cookie";

export const UTC_VIEWER: Viewer = { locale: "en", timeZone: "UTC", zoneKnown: false };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(viewer: Viewer, kind: "date" | "dateTime" | "exact"): Intl.DateTimeFormat {
  const key = `${viewer.locale}|${viewer.timeZone}|${viewer.zoneKnown}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const named = kind === "exact" || !viewer.zoneKnown;
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { year: "numeric", month: "short", day: "numeric" }
        : { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", ...(named ? { timeZoneName: "short" } : {}) };
    f = new Intl.DateTimeFormat(viewer.locale, { ...options, timeZone: viewer.timeZone });
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** "Nov 22, 2026": dates in lists. */
export function formatDate(date: Date, viewer: Viewer = UTC_VIEWER): string {
  return formatter(viewer, "date").format(date);
}

/** "Nov 22, 2026, 2:05 PM" (or "…, 14:05 UTC" when the zone is not the viewer's own). */
export function formatDateTime(date: Date, viewer: Viewer = UTC_VIEWER): string {
  return formatter(viewer, "dateTime").format(date);
}

/** Always names the zone: for a hover title, or an email to someone whose zone we guess. */
export function formatExact(date: Date, viewer: Viewer = UTC_VIEWER): string {
  return formatter(viewer, "exact").format(date);
}

const relatives = new Map<string, Intl.RelativeTimeFormat>();
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

/** "3 minutes ago", "in 2 days"; beyond a week, the date itself reads better. */
export function formatRelative(date: Date, viewer: Viewer = UTC_VIEWER, now: Date = new Date()): string {
  let amount = (date.getTime() - now.getTime()) / 1000;
  if (Math.abs(amount) < 45) return relativeFormat(viewer.locale).format(0, "second");
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relativeFormat(viewer.locale).format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDate(date, viewer);
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let f = relatives.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    relatives.set(locale, f);
  }
  return f;
}

/** A zone name from a cookie or the database, or null when Intl does not know it. */
export function validTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The first language of an Accept-Language header that Intl supports, or "en". */
export function localeFromAcceptLanguage(header: string | null | undefined): string {
  for (const part of (header ?? "").split(",").slice(0, 8)) {
    const tag = part.split(";")[0]!.trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // an invalid tag: try the next one
    }
  }
  return "en";
}

/** The viewer an email is written for: the recipient's own zone when known, else UTC, named. */
export function emailViewer(timeZone: string | null | undefined): Viewer {
  const zone = validTimeZone(timeZone);
  return zone ? { locale: "en", timeZone: zone, zoneKnown: true } : UTC_VIEWER;
}

/** Whole days from `now` until `date`, rounded up, at least 1: "ends in 3 days" counts this way. */
export function wholeDaysUntil(date: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 86_400_000));
}

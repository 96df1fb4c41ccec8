import { describe, expect, it } from "vitest";
import { emailViewer, formatDate, formatDateTime, formatExact, formatRelative, localeFromAcceptLanguage, validTimeZone, type Viewer } from "./dates";

const at = new Date("2026-11-22T23:05:00Z");
const berlin: Viewer = { locale: "de-DE", timeZone: "Europe/Berlin", zoneKnown: true };

describe("dates", () => {
  it("without a known viewer are English and UTC, with the zone named", () => {
    expect(formatDate(at)).toBe("Nov 22, 2026");
    expect(formatDateTime(at)).toBe("Nov 22, 2026, 11:05 PM UTC");
  });

  it("follow the viewer's zone and locale, naming the zone only on the exact form", () => {
    expect(formatDate(at, berlin)).toBe("23. Nov. 2026");
    expect(formatDateTime(at, berlin)).toBe("23. Nov. 2026, 0:05");
    expect(formatExact(at, berlin)).toBe("23. Nov. 2026, 00:05 MEZ");
  });

  it("read relative when recent, and as the date beyond a week", () => {
    const now = new Date("2026-11-23T02:05:00Z");
    expect(formatRelative(at, undefined, now)).toBe("3 hours ago");
    expect(formatRelative(new Date(now.getTime() - 10_000), undefined, now)).toBe("now");
    expect(formatRelative(new Date("2026-11-19T23:05:00Z"), berlin, now)).toBe("vor 3 Tagen");
    expect(formatRelative(new Date("2026-10-01T12:00:00Z"), undefined, now)).toBe("Oct 1, 2026");
  });

  it("trust only zones and locales Intl knows", () => {
    expect(validTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(validTimeZone("Mars/Olympus")).toBeNull();
    expect(validTimeZone("x".repeat(100))).toBeNull();
    expect(validTimeZone(undefined)).toBeNull();
    expect(localeFromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr-CH");
    expect(localeFromAcceptLanguage("!!!, de")).toBe("de");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(emailViewer("Asia/Tokyo")).toEqual({ locale: "en", timeZone: "Asia/Tokyo", zoneKnown: true });
    expect(emailViewer("nope").timeZone).toBe("UTC");
  });
});

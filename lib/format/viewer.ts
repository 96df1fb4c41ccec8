import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { localeFromAcceptLanguage, TIME_ZONE_COOKIE, validTimeZone, type Viewer } from "./dates";

/** Who is looking, for dates: their browser's zone and language, read once per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const zone = validTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value);
  return {
    locale: localeFromAcceptLanguage(headerStore.get("accept-language")),
    timeZone: zone ?? "UTC",
    zoneKnown: zone !== null,
  };
});

/** The cookie the browser sets with its own IANA zone (components/app/time-zone-sync.tsx); on its own so the browser's bundle carries no formatting code. */
export const TIME_ZONE_COOKIE = "tz";

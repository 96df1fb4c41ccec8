const BASE = "http://callback.invalid";

/**
 * A same-site path to return to after sign-in; anything else becomes the fallback.
 * The path comes back percent-encoded, so it is always safe in a Location header
 * (a raw character above U+00FF there made the redirect throw).
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return fallback;
  // "//evil.com" and "/\evil.com" are protocol-relative URLs to other sites.
  if (value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Parsing resolves dot segments: "/.//evil.com" becomes "//evil.com", another site again.
  if (url.pathname.startsWith("//") || url.pathname.startsWith("/\\")) return fallback;
  return url.pathname + url.search + url.hash;
}

export function signInUrl(returnTo: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(safeCallbackUrl(returnTo))}`;
}

/**
 * Auth.js's redirect rule: only to this origin, as a percent-encoded absolute URL. Its
 * default passed a path through as given, and a character above U+00FF in it made the
 * sign-in callback answer 500 (a Location header cannot carry it).
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    return target.origin === base.origin ? target.href : base.href;
  } catch {
    return baseUrl;
  }
}

/** A same-site path to return to after sign-in; anything else becomes "/". */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  // "//evil.com" and "/\evil.com" are protocol-relative URLs to other sites.
  if (value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

export function signInUrl(returnTo: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(safeCallbackUrl(returnTo))}`;
}

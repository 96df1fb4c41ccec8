/**
 * The policy of every page. Scripts run only with this response's nonce (Next.js puts it
 * on its own scripts when it finds the policy on the request) or when loaded by such a
 * script ('strict-dynamic'), so injected markup cannot run code. Styles allow inline
 * `style` attributes, which Radix's positioning sets. Nothing may frame a page.
 */
export function pageContentSecurityPolicy({ nonce, development }: { nonce: string; development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its error overlay and stacks.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    // Avatars come from the sign-in providers.
    "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com", "https://*.googleusercontent.com"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(development ? ["ws:", "wss:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Responses that are not pages (the API, webhooks, health) load nothing and may not be framed. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A fresh nonce per response: 16 random bytes, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

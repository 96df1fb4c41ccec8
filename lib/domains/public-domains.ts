import "server-only";
import providers from "email-providers/all.json";

// Free and disposable mail providers (the `email-providers` package): nobody owns gmail.com.
const PUBLIC_DOMAINS: ReadonlySet<string> = new Set(providers.map((domain) => domain.toLowerCase()));

/** Whether `domain` (lowercased, ASCII) is a public email provider's, which no workspace may claim. */
export function isPublicEmailDomain(domain: string): boolean {
  return PUBLIC_DOMAINS.has(domain);
}

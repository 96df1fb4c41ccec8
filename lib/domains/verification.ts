/** The label in front of the domain where the verification TXT record goes. */
export const DOMAIN_TXT_PREFIX = "_workspace-verification";
/** What the TXT record's value starts with; the token follows. */
export const DOMAIN_TXT_VALUE_PREFIX = "workspace-verification=";

/** The TXT record that proves control of `domain`: its name and the value it must hold. */
export function txtRecordOf(domain: string, token: string): { name: string; value: string } {
  return { name: `${DOMAIN_TXT_PREFIX}.${domain}`, value: `${DOMAIN_TXT_VALUE_PREFIX}${token}` };
}

/** The domain of an address, lowercased; null when it has none. */
export function emailDomainOf(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  return email && at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}

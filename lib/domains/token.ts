import { randomBytes } from "node:crypto";

/** The value a domain's TXT record must hold: 16 random bytes, in hex (case cannot be mangled by DNS tools). */
export function newVerificationToken(): string {
  return randomBytes(16).toString("hex");
}

import type { Role } from "@/lib/permissions/roles";

export const DOMAIN_JOIN_MODES = ["suggest", "automatic"] as const;
export type DomainJoinMode = (typeof DOMAIN_JOIN_MODES)[number];

/** A claimed domain as its workspace's settings show it. */
export type TenantDomain = {
  id: string;
  domain: string;
  verifiedAt: Date | null;
  verifiedBy: "dns" | "email" | null;
  mode: DomainJoinMode;
  role: Role;
  createdAt: Date;
  lastCheckedAt: Date | null;
  /** The TXT record that verifies it (shown while it is pending). */
  txt: { name: string; value: string };
};

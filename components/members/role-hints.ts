import type { Role } from "@/lib/permissions/roles";

export const ROLE_HINTS: Record<Role, string> = {
  owner: "Everything, including deleting the workspace.",
  admin: "Manages members, settings and API keys.",
  member: "Works with the workspace's data.",
  billing: "Manages the plan and payment; reads the rest.",
};

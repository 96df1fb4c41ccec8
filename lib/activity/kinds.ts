import { RESOURCES, type Resource } from "@/db/resources";
import { ACTIVITY_ACTIONS, type ActivityAction } from "./events";
import { capitalised } from "@/lib/format/text";

/** The workspace's own kinds; each declared resource is a kind of its own, listed first. */
const WORKSPACE_KINDS = [
  { value: "members", label: "Members and roles" },
  { value: "invitations", label: "Invitations" },
  { value: "domains", label: "Verified domains" },
  { value: "api_keys", label: "API keys" },
  { value: "webhooks", label: "Webhooks" },
  { value: "billing", label: "Billing and plan" },
  { value: "workspace", label: "Workspace settings" },
  { value: "accounts", label: "Personal accounts" },
] as const;
export type ActivityKind = (typeof WORKSPACE_KINDS)[number]["value"] | Resource["key"];

/** The kinds of entry the log can be filtered by, in the order the filter lists them. */
export const ACTIVITY_KINDS: readonly { value: ActivityKind; label: string }[] = [
  ...RESOURCES.map((r) => ({ value: r.key, label: capitalised(r.label.many) })),
  ...WORKSPACE_KINDS,
];
export const ACTIVITY_KIND_VALUES = ACTIVITY_KINDS.map((k) => k.value) as [ActivityKind, ...ActivityKind[]];

type Prefix<A extends string> = A extends `${infer P}.${string}` ? P : never;

// Keyed by every prefix in ACTIVITY_ACTIONS: a new prefix does not compile until it has a kind.
const KIND_OF_PREFIX: Record<Prefix<ActivityAction>, ActivityKind> = {
  ...(Object.fromEntries(RESOURCES.map((r) => [r.event, r.key])) as Record<Resource["event"], Resource["key"]>),
  member: "members",
  invitation: "invitations",
  invite_link: "invitations",
  domain: "domains",
  api_key: "api_keys",
  webhook: "webhooks",
  billing: "billing",
  tenant: "workspace",
  account: "accounts",
};
// Sending an invitation is logged as a member action, but people look for it with the invitations.
const KIND_OF_ACTION: Partial<Record<ActivityAction, ActivityKind>> = { "member.invited": "invitations" };

export function kindOfAction(action: ActivityAction): ActivityKind {
  return KIND_OF_ACTION[action] ?? KIND_OF_PREFIX[action.split(".")[0] as Prefix<ActivityAction>];
}

/** The actions of a kind, for an `IN (...)` filter. */
export function actionsOfKind(kind: ActivityKind): ActivityAction[] {
  return ACTIVITY_ACTIONS.filter((action) => kindOfAction(action) === kind);
}

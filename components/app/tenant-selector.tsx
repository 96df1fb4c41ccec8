import { ChevronsUpDown } from "@/components/ui/icons";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TENANT_LABEL } from "@/lib/config/app";
import type { FormAction } from "@/lib/actions/run-action";
import type { DomainSuggestion } from "@/lib/tenancy/context";
import type { TenantOption } from "@/lib/tenancy/context";
import type { CreateTenantAction } from "./create-tenant-dialog";
import { TenantAvatar } from "./tenant-avatar";
import { TenantSelectorTrigger } from "./tenant-selector-trigger";

/**
 * The current tenant, and a searchable list to switch to another or create one.
 * The button is rendered here on the server; the list (cmdk, a popover, the create
 * dialog) is fetched only when someone reaches for it.
 */
export function TenantSelector({
  tenants,
  currentSlug,
  createTenant,
  suggestions = [],
  joinSuggestion,
}: {
  tenants: TenantOption[];
  currentSlug?: string;
  createTenant: CreateTenantAction;
  suggestions?: DomainSuggestion[];
  joinSuggestion?: FormAction;
}) {
  const current = tenants.find((t) => t.slug === currentSlug);
  const joinable = joinSuggestion ? suggestions : [];
  const base = current ? `${current.name}, switch ${TENANT_LABEL.singular}` : `Choose a ${TENANT_LABEL.singular}`;
  return (
    <TenantSelectorTrigger
      tenants={tenants}
      currentSlug={currentSlug}
      createTenant={createTenant}
      suggestions={joinable}
      joinSuggestion={joinSuggestion}
      label={joinable.length ? `${base} (${joinable.length} to join)` : base}
      className={cn(buttonVariants({ variant: "ghost" }), "h-9 max-w-[12rem] gap-2 px-2 sm:max-w-xs")}
    >
      {current ? <TenantAvatar name={current.name} seed={current.slug} /> : null}
      <span className="truncate">{current?.name ?? `Choose a ${TENANT_LABEL.singular}`}</span>
      {joinable.length > 0 && <span className="size-2 shrink-0 rounded-full bg-emerald-500" aria-hidden />}
      <ChevronsUpDown className="text-zinc-400" aria-hidden />
    </TenantSelectorTrigger>
  );
}

import { ChevronsUpDown } from "@/components/ui/icons";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TENANT_LABEL } from "@/lib/config/app";
import type { TenantOption } from "@/lib/tenants/context";
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
}: {
  tenants: TenantOption[];
  currentSlug?: string;
  createTenant: CreateTenantAction;
}) {
  const current = tenants.find((t) => t.slug === currentSlug);
  return (
    <TenantSelectorTrigger
      tenants={tenants}
      currentSlug={currentSlug}
      createTenant={createTenant}
      label={current ? `${current.name}, switch ${TENANT_LABEL.singular}` : `Choose a ${TENANT_LABEL.singular}`}
      className={cn(buttonVariants({ variant: "ghost" }), "h-9 max-w-[12rem] gap-2 px-2 sm:max-w-xs")}
    >
      {current ? <TenantAvatar name={current.name} seed={current.slug} /> : null}
      <span className="truncate">{current?.name ?? `Choose a ${TENANT_LABEL.singular}`}</span>
      <ChevronsUpDown className="text-zinc-400" aria-hidden />
    </TenantSelectorTrigger>
  );
}

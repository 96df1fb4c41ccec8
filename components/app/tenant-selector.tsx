"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandSeparator } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { TENANT_LABEL } from "@/lib/config/app";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { switchTenantPath } from "@/lib/tenants/paths";
import { CreateTenantDialog, type CreateTenantAction } from "./create-tenant-dialog";
import { TenantAvatar } from "./tenant-avatar";

export type TenantOption = { slug: string; name: string; role: Role };

export function TenantSelector({
  tenants,
  currentSlug,
  createTenant,
}: {
  tenants: TenantOption[];
  currentSlug?: string;
  createTenant: CreateTenantAction;
}) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const pathname = usePathname();
  const router = useRouter();
  const current = tenants.find((t) => t.slug === currentSlug);

  return (
    <>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button
            variant="ghost"
            role="combobox"
            aria-expanded={open}
            aria-label={`${TENANT_LABEL.title}: ${current?.name ?? "none selected"}. Switch ${TENANT_LABEL.singular}`}
            className="h-9 max-w-[12rem] gap-2 px-2 sm:max-w-xs"
            data-testid="tenant-selector"
          >
            {current ? <TenantAvatar name={current.name} seed={current.slug} /> : null}
            <span className="truncate">{current?.name ?? `Choose a ${TENANT_LABEL.singular}`}</span>
            <ChevronsUpDown className="text-zinc-400" aria-hidden />
          </Button>
        </PopoverTrigger>
        <PopoverContent className="w-[min(20rem,calc(100vw-1rem))] p-0">
          <Command loop>
            <CommandInput placeholder={`Find a ${TENANT_LABEL.singular}…`} aria-label={`Find a ${TENANT_LABEL.singular}`} />
            <CommandList>
              <CommandEmpty>No {TENANT_LABEL.singular} matches.</CommandEmpty>
              <CommandGroup heading={TENANT_LABEL.plural[0]!.toUpperCase() + TENANT_LABEL.plural.slice(1)}>
                {tenants.map((tenant) => (
                  <CommandItem
                    key={tenant.slug}
                    value={tenant.slug}
                    keywords={[tenant.name]}
                    onSelect={() => {
                      setOpen(false);
                      if (tenant.slug !== currentSlug) router.push(switchTenantPath(pathname, tenant.slug));
                    }}
                    aria-current={tenant.slug === currentSlug ? "true" : undefined}
                  >
                    <TenantAvatar name={tenant.name} seed={tenant.slug} />
                    <span className="min-w-0 flex-1 truncate">{tenant.name}</span>
                    <span className="text-xs text-zinc-500">{ROLE_LABELS[tenant.role]}</span>
                    <Check className={cn(tenant.slug === currentSlug ? "opacity-100" : "opacity-0")} aria-hidden />
                  </CommandItem>
                ))}
              </CommandGroup>
              <CommandSeparator />
              <CommandGroup>
                <CommandItem
                  value="__create"
                  keywords={["create", "new", "add"]}
                  onSelect={() => {
                    setOpen(false);
                    setCreating(true);
                  }}
                >
                  <Plus aria-hidden />
                  Create {TENANT_LABEL.singular}
                </CommandItem>
              </CommandGroup>
            </CommandList>
          </Command>
        </PopoverContent>
      </Popover>
      <CreateTenantDialog open={creating} onOpenChange={setCreating} action={createTenant} />
    </>
  );
}

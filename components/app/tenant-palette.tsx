"use client";

import { Check, Loader2, Plus, UserRoundPlus } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandSeparator } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { notify } from "@/components/ui/toast";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { TENANT_LABEL } from "@/lib/config/app";
import type { DomainSuggestion } from "@/lib/tenancy/context";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import type { TenantOption } from "@/lib/tenancy/context";
import { switchTenantPath } from "@/lib/tenancy/paths";
import type { CreateTenantAction } from "./create-tenant-dialog";
import { onDemand, useOnDemand } from "@/components/ui/on-demand";
import { focusHeadingAfterNavigation } from "./focus-heading";
import { TenantAvatar } from "./tenant-avatar";

// The create dialog brings the form and its validation; fetch it when asked for.
const createDialog = onDemand(() => import("./create-tenant-dialog").then((m) => m.CreateTenantDialog));

export type TenantPaletteProps = {
  tenants: TenantOption[];
  currentSlug?: string;
  createTenant: CreateTenantAction;
  /** Workspaces the user may join by their verified email's domain, each a "Join" item posting `joinSuggestion`. */
  suggestions?: DomainSuggestion[];
  joinSuggestion?: FormAction;
  /** The button as the server rendered it, which this one replaces. */
  trigger: { label: string; className: string; children: ReactNode };
};

/** The tenant selector once opened: a searchable list of tenants in a popover, open as it mounts. */
export function TenantPalette({ tenants, currentSlug, createTenant, suggestions = [], joinSuggestion, trigger }: TenantPaletteProps) {
  const [open, setOpen] = useState(true);
  const [joiningId, setJoiningId] = useState<string | null>(null);
  const [, startJoin] = useTransition();
  // The action opens the joined workspace itself (a redirect); only a refusal comes back.
  const join = (suggestion: DomainSuggestion) => {
    if (!joinSuggestion || joiningId) return;
    setJoiningId(suggestion.tenantId);
    startJoin(async () => {
      const result = await runAction(joinSuggestion, { tenantId: suggestion.tenantId });
      if (result?.status === "error") notify({ tone: "error", message: result.message });
      setJoiningId(null);
      setOpen(false);
    });
  };
  const [creating, setCreating] = useState(false);
  const dialog = useOnDemand(createDialog);
  const pathname = usePathname();
  const router = useRouter();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const leaving = useRef(false);

  return (
    <>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <button
            type="button"
            // eslint-disable-next-line jsx-a11y/role-has-required-aria-props -- the popover adds aria-controls
            role="combobox"
            aria-expanded={open}
            aria-label={trigger.label}
            className={trigger.className}
            data-testid="tenant-selector"
            ref={triggerRef}
          >
            {trigger.children}
          </button>
        </PopoverTrigger>
        <PopoverContent
          className="w-[min(20rem,calc(100vw-1rem))] p-0"
          // Going to the create dialog or to another workspace: focus belongs there, not back on this button.
          onCloseAutoFocus={(event) => {
            if (leaving.current) event.preventDefault();
            leaving.current = false;
          }}
        >
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
                      if (tenant.slug !== currentSlug) {
                        leaving.current = true;
                        focusHeadingAfterNavigation();
                        router.push(switchTenantPath(pathname, tenant.slug));
                      }
                      setOpen(false);
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
              {joinSuggestion && suggestions.length > 0 && (
                <CommandGroup heading="You can join">
                  {suggestions.map((suggestion) => (
                    <CommandItem
                      key={suggestion.tenantId}
                      value={`__join-${suggestion.tenantId}`}
                      keywords={[suggestion.tenantName, suggestion.domain, "join"]}
                      disabled={joiningId !== null}
                      onSelect={() => join(suggestion)}
                    >
                      {joiningId === suggestion.tenantId ? <Loader2 className="animate-spin" aria-hidden /> : <UserRoundPlus aria-hidden />}
                      <span className="min-w-0 flex-1 truncate">
                        {joiningId === suggestion.tenantId ? `Joining ${suggestion.tenantName}…` : `Join ${suggestion.tenantName}`}
                      </span>
                      <span className="truncate text-xs text-zinc-500">{suggestion.domain}</span>
                    </CommandItem>
                  ))}
                </CommandGroup>
              )}
              <CommandSeparator />
              <CommandGroup>
                <CommandItem
                  value="__create"
                  keywords={["create", "new", "add"]}
                  onPointerEnter={createDialog.preload}
                  onSelect={() => {
                    leaving.current = true;
                    setOpen(false);
                    setCreating(true);
                    dialog.activate("pointer");
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
      {dialog.Loaded && <dialog.Loaded open={creating} onOpenChange={setCreating} action={createTenant} returnFocusTo={triggerRef} />}
    </>
  );
}

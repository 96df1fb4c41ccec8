import Link from "next/link";
import { Plus } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { TENANT_LABEL } from "@/lib/config/app";
import type { TenantOption } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { TenantAvatar } from "./tenant-avatar";

/** Where a signed-in user can go instead: the workspaces they belong to, as links, and "Create a workspace". */
export function NoAccessWorkspaces({ tenants }: { tenants: TenantOption[] }) {
  return (
    <div className="grid grid-cols-1 gap-3 text-left">
      {tenants.length === 0 ? (
        <p className="text-sm text-zinc-600">You are not in any {TENANT_LABEL.singular} right now.</p>
      ) : (
        <>
          <h2 className="text-sm font-medium text-zinc-500">Your {TENANT_LABEL.plural}</h2>
          <ul className="grid grid-cols-1 gap-1" data-testid="my-workspaces">
            {tenants.map((t) => (
              <li key={t.slug}>
                <Link href={tenantPath(t.slug)} className="flex items-center gap-3 rounded-md border border-zinc-200 px-3 py-2 hover:bg-zinc-50">
                  <TenantAvatar name={t.name} seed={t.slug} />
                  <span className="min-w-0 flex-1 truncate font-medium">{t.name}</span>
                  <span className="text-xs text-zinc-500">{ROLE_LABELS[t.role]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Button asChild variant={tenants.length === 0 ? "default" : "outline"}>
        <Link href="/tenants/new">
          <Plus aria-hidden />
          Create a {TENANT_LABEL.singular}
        </Link>
      </Button>
    </div>
  );
}

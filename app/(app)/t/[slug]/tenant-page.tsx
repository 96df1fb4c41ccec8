import "server-only";
import { NoAccess } from "@/components/app/no-access";
import { errorCode } from "@/lib/errors/describe";
import type { Permission } from "@/lib/permissions/permissions";
import type { TenantContext } from "@/lib/tenancy/context";
import { requireTenant } from "@/lib/tenancy/require-tenant";

type TenantPageProps = { params: Promise<{ slug: string }> };

export type PageAccess = {
  /** What the page needs beyond membership. */
  permission: Permission;
  /** The page's title, shown above the refusal. */
  title?: string;
  /** What a member whose role lacks the permission reads instead of the page. */
  denied: string;
};

/**
 * The guard of a tenant page that needs a permission: `requireTenant(slug, permission)`
 * decides (sign-in, 404 for outsiders, the role's permission) and a member whose role
 * lacks it gets the "no access" card instead of the page. The page runs only with the
 * permission, and gets the context first.
 */
export function tenantPage<Props extends TenantPageProps>(
  access: PageAccess,
  page: (ctx: TenantContext, props: Props) => Promise<React.ReactNode>,
) {
  return async function GuardedTenantPage(props: Props): Promise<React.ReactNode> {
    const { slug } = await props.params;
    let ctx: TenantContext;
    try {
      ctx = await requireTenant(slug, access.permission);
    } catch (error) {
      if (errorCode(error) !== "forbidden") throw error;
      return <NoAccess title={access.title}>{access.denied}</NoAccess>;
    }
    return page(ctx, props);
  };
}

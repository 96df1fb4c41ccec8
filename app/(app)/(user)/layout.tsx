import { AppHeader } from "@/components/app/app-header";
import { requireUser } from "@/lib/session/current-user";
import { listTenantsForRequest } from "@/lib/tenants/queries";
import { createTenantAction, signOutAction } from "../actions";

/** The frame of a signed-in user's pages outside any tenant. */
export default async function UserLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const tenants = await listTenantsForRequest(user.id);
  return (
    <>
      <AppHeader
        user={{ id: user.id, name: user.name, email: user.email, image: user.image }}
        tenants={tenants.map(({ slug, name, role }) => ({ slug, name, role }))}
        createTenant={createTenantAction}
        signOut={signOutAction}
      />
      {children}
    </>
  );
}

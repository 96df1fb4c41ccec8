import type { Metadata } from "next";
import { CreateTenantForm } from "@/components/app/create-tenant-dialog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { TENANT_LABEL } from "@/lib/config/app";
import { listTenantsForUser } from "@/lib/tenants/queries";
import { createTenantAction } from "../../../actions";

export const metadata: Metadata = { title: `Create a ${TENANT_LABEL.singular}` };

export default async function NewTenantPage() {
  const user = await requireUser("/tenants/new");
  const tenants = await listTenantsForUser(user.id);
  return (
    <main className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <Card>
        <CardHeader>
          <CardTitle>Create a {TENANT_LABEL.singular}</CardTitle>
          <CardDescription>
            {tenants.length === 0
              ? `You are not in any ${TENANT_LABEL.singular} right now. Create one, or ask a teammate to invite you.`
              : `A separate space with its own members and data. You will be its owner.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTenantForm action={createTenantAction} />
        </CardContent>
      </Card>
    </main>
  );
}

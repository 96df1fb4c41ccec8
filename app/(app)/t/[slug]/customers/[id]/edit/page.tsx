import type { Metadata } from "next";
import { NoAccess } from "@/components/app/no-access";
import { PageHeader } from "@/components/app/page-header";
import { CustomerForm } from "@/components/customers/customer-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions/permissions";
import { tenantPath } from "@/lib/tenants/paths";
import { requireTenant } from "@/lib/tenants/require-tenant";
import { updateCustomerAction } from "../../actions";
import { customerOr404 } from "../customer-or-404";

export const metadata: Metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await requireTenant(slug);
  const customer = await customerOr404(ctx, id);
  if (!can(ctx.role, "customers.write")) return <NoAccess>Your role can read customers but not change them.</NoAccess>;
  const page = `${tenantPath(slug, "customers")}/${customer.id}`;
  return (
    <>
      <PageHeader title={`Edit ${customer.name}`} />
      <Card>
        <CustomerForm
          action={updateCustomerAction.bind(null, slug)}
          initial={{
            id: customer.id,
            name: customer.name,
            company: customer.company ?? "",
            email: customer.email ?? "",
            phone: customer.phone ?? "",
            notes: customer.notes ?? "",
          }}
          cancelHref={page}
          submitLabel="Save changes"
        />
      </Card>
    </>
  );
}

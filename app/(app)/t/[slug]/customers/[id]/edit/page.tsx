import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { CustomerForm } from "@/components/customers/customer-form";
import { Card } from "@/components/ui/card";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
import { tenantPage } from "../../../tenant-page";
import { updateCustomerAction } from "../../actions";
import { customerOr404 } from "../customer-or-404";

export const metadata: Metadata = { title: "Edit customer" };

export default tenantPage({ permission: "customers.write", denied: "Your role can read customers but not change them." }, EditCustomerPage);

async function EditCustomerPage(ctx: TenantContext, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const customer = await customerOr404(ctx, id);
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

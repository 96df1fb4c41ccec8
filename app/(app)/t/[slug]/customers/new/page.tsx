import type { Metadata } from "next";
import { PageHeader } from "@/components/app/page-header";
import { CustomerForm } from "@/components/customers/customer-form";
import { Card } from "@/components/ui/card";
import type { TenantContext } from "@/lib/tenancy/context";
import { tenantPath } from "@/lib/tenancy/paths";
import { tenantPage } from "../../tenant-page";
import { createCustomerAction } from "../actions";

export const metadata: Metadata = { title: "New customer" };

export default tenantPage({ permission: "customers.write", denied: "Your role can read customers but not add them." }, NewCustomerPage);

async function NewCustomerPage(_ctx: TenantContext, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <>
      <PageHeader title="New customer" />
      <Card>
        <CustomerForm
          action={createCustomerAction.bind(null, slug)}
          initial={{ name: "", company: "", email: "", phone: "", notes: "" }}
          cancelHref={tenantPath(slug, "customers")}
          submitLabel="Add customer"
        />
      </Card>
    </>
  );
}

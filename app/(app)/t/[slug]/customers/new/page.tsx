import type { Metadata } from "next";
import { NoAccess } from "@/components/app/no-access";
import { PageHeader } from "@/components/app/page-header";
import { CustomerForm } from "@/components/customers/customer-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions/permissions";
import { tenantPath } from "@/lib/tenants/paths";
import { requireTenant } from "@/lib/tenants/require-tenant";
import { createCustomerAction } from "../actions";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireTenant(slug);
  if (!can(ctx.role, "customers.write")) {
    return <NoAccess>Your role can read customers but not add them.</NoAccess>;
  }
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

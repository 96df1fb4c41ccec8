import { ArrowLeft, Pencil } from "@/components/ui/icons";
import Link from "next/link";
import { PageHeader } from "@/components/app/page-header";
import { DeleteCustomerButton } from "@/components/customers/delete-customer-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getViewer } from "@/lib/format/viewer";
import { formatDate } from "@/lib/format/dates";
import { can } from "@/lib/permissions/permissions";
import { tenantPath } from "@/lib/tenancy/paths";
import { requireTenant } from "@/lib/tenancy/require-tenant";
import { deleteCustomerAction } from "../actions";
import { customerOr404 } from "./customer-or-404";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  return { title: (await customerOr404(await requireTenant(slug), id)).name };
}

export default async function CustomerPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await requireTenant(slug);
  const customer = await customerOr404(ctx, id);
  const viewer = await getViewer();
  const base = tenantPath(slug, "customers");
  const details = [
    ["Company", customer.company],
    ["Email", customer.email && <a href={`mailto:${customer.email}`} className="underline underline-offset-2">{customer.email}</a>],
    ["Phone", customer.phone && <a href={`tel:${customer.phone.replace(/[^+\d]/g, "")}`} className="underline underline-offset-2">{customer.phone}</a>],
    ["Added", formatDate(customer.createdAt, viewer)],
  ] as const;

  return (
    <>
      <Link href={base} className="inline-flex w-fit items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
        <ArrowLeft className="size-4" aria-hidden /> All customers
      </Link>
      <PageHeader
        title={customer.name}
        actions={
          can(ctx.role, "customers.write") && (
            <div className="flex gap-2">
              <Button asChild variant="outline">
                <Link href={`${base}/${customer.id}/edit`}>
                  <Pencil aria-hidden /> Edit
                </Link>
              </Button>
              <DeleteCustomerButton
                action={deleteCustomerAction.bind(null, slug)}
                id={customer.id}
                name={customer.name}
                listHref={tenantPath(slug, "customers")}
              />
            </div>
          )
        }
      />
      <Card>
        <CardContent className="grid gap-6">
          <dl className="grid gap-4 sm:grid-cols-2">
            {details.map(([label, value]) => (
              <div key={label}>
                <dt className="text-sm text-zinc-500">{label}</dt>
                <dd className="mt-0.5 break-words">{value || "—"}</dd>
              </div>
            ))}
          </dl>
          <div>
            <h2 className="text-sm text-zinc-500">Notes</h2>
            <p className="mt-0.5 whitespace-pre-wrap break-words">{customer.notes || "—"}</p>
          </div>
        </CardContent>
      </Card>
    </>
  );
}

import { IgnoredQueryNote } from "@/components/resources/ignored-query-note";
import { Plus, Search, UsersRound } from "@/components/ui/icons";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { listCustomers } from "@/lib/customers/customers";
import { customerQuerySchema } from "@/lib/customers/schemas";
import { lenientListQuery, SEARCH_MAX } from "@/lib/validation/list-query";
import { getViewer } from "@/lib/format/viewer";
import { formatDate } from "@/lib/format/dates";
import { can } from "@/lib/permissions/permissions";
import { tenantPath } from "@/lib/tenancy/paths";
import { readUndoToken } from "@/lib/customers/undo-delete";
import { UndoDeletionToast } from "@/components/customers/undo-deletion-toast";
import { undoDeleteCustomerAction } from "./actions";
import { requireTenant } from "@/lib/tenancy/require-tenant";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const ctx = await requireTenant(slug);
  const raw = await searchParams;
  // A mangled or outdated link (bad cursor, over-long search) shows the list from the top, with a note.
  const { query, ignored } = lenientListQuery(customerQuerySchema, raw);
  const { customers, nextCursor } = await listCustomers(ctx, query);
  const undone = readUndoToken(ctx, raw.undo);
  const viewer = await getViewer();
  const canWrite = can(ctx.role, "customers.write");
  const base = tenantPath(slug, "customers");
  const withQuery = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...extra })}`;

  return (
    <>
      {undone && <UndoDeletionToast name={undone.name} token={raw.undo as string} undo={undoDeleteCustomerAction.bind(null, slug)} listHref={base} />}
      <PageHeader
        title="Customers"
        description="The people and companies this workspace works with."
        actions={
          canWrite && (
            <Button asChild>
              <Link href={`${base}/new`}>
                <Plus aria-hidden /> New customer
              </Link>
            </Button>
          )
        }
      />
      <IgnoredQueryNote ignored={ignored} />
      <form role="search" action={base} className="flex gap-2">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
          <Input type="search" name="q" maxLength={SEARCH_MAX} defaultValue={query.q} placeholder="Name, company or email" aria-label="Search customers" className="pl-9" />
        </div>
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>

      {customers.length === 0 ? (
        <Card className="flex flex-col items-center gap-3 px-6 py-12 text-center">
          <UsersRound className="size-10 text-zinc-400" aria-hidden />
          {query.q ? (
            <>
              <p className="font-medium">No customers match “{query.q}”.</p>
              <Link href={base} className="text-sm underline">
                Clear the search
              </Link>
            </>
          ) : query.cursor ? (
            <p className="font-medium">No more customers.</p>
          ) : (
            <>
              <p className="font-medium">No customers yet</p>
              <p className="max-w-sm text-sm text-zinc-500">Customers are the clients, leads and contacts your team works with. They never sign in.</p>
              {canWrite && (
                <Button asChild className="mt-2">
                  <Link href={`${base}/new`}>
                    <Plus aria-hidden /> Add your first customer
                  </Link>
                </Button>
              )}
            </>
          )}
        </Card>
      ) : (
        <Card>
          <ul className="divide-y divide-zinc-200">
            {customers.map((customer) => (
              <li key={customer.id} data-testid="customer-row">
                <Link
                  href={`${base}/${customer.id}`}
                  className="grid gap-0.5 px-5 py-3 hover:bg-zinc-50 sm:grid-cols-[2fr_2fr_1.5fr_auto] sm:items-center sm:gap-4 sm:px-6"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{customer.name}</span>
                    {customer.company && <span className="block truncate text-sm text-zinc-500">{customer.company}</span>}
                  </span>
                  <span className="truncate text-sm text-zinc-600">{customer.email ?? "—"}</span>
                  <span className="truncate text-sm text-zinc-600">{customer.phone ?? "—"}</span>
                  <span className="text-xs text-zinc-500 sm:text-right">{formatDate(customer.createdAt, viewer)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {(query.cursor || nextCursor) && (
        <nav aria-label="Pages" className="flex justify-between">
          {query.cursor ? (
            <Button asChild variant="outline" size="sm">
              <Link href={withQuery({})}>First page</Link>
            </Button>
          ) : (
            <span />
          )}
          {nextCursor && (
            <Button asChild variant="outline" size="sm">
              <Link href={withQuery({ cursor: nextCursor })}>Next page</Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}

import { CalendarDays, Settings, ShieldCheck, Users } from "@/components/ui/icons";
import Link from "next/link";
import { PageHeader } from "@/components/app/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { formatDate } from "@/lib/format/dates";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantPath } from "@/lib/tenants/paths";
import { countMembers } from "@/lib/tenants/queries";
import { requireTenant } from "@/lib/tenants/require-tenant";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireTenant(slug);
  return { title: ctx.tenant.name };
}

export default async function TenantDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { restored } = await searchParams;
  const ctx = await requireTenant(slug);
  const members = await countMembers(ctx);
  const stats = [
    { icon: ShieldCheck, label: "Your role", value: ROLE_LABELS[ctx.role] },
    { icon: Users, label: "Members", value: String(members) },
    {
      icon: CalendarDays,
      label: "Created",
      value: formatDate(ctx.tenant.createdAt),
    },
  ];

  return (
    <>
      <PageHeader title={ctx.tenant.name} description={`Welcome back${ctx.user.name ? `, ${ctx.user.name}` : ""}.`} />
      {restored === "1" && <FormMessage tone="success">{ctx.tenant.name} is restored: its members and API keys work again. It is on the Free plan; choose a plan in Billing.</FormMessage>}
      <dl className="grid gap-4 sm:grid-cols-3">
        {stats.map(({ icon: Icon, label, value }) => (
          <div key={label} className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
            <dt className="flex items-center gap-2 text-sm text-zinc-500">
              <Icon className="size-4" aria-hidden />
              {label}
            </dt>
            <dd className="mt-2 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <Card>
        <CardHeader>
          <CardTitle>Make it yours</CardTitle>
          <CardDescription>Give this workspace the name your team knows it by, and set up your profile.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-3">
          <Link href={tenantPath(slug, "settings")} className="inline-flex items-center gap-2 text-sm font-medium underline-offset-4 hover:underline">
            <Settings className="size-4" aria-hidden /> Workspace settings
          </Link>
          <Link href="/account" className="inline-flex items-center gap-2 text-sm font-medium underline-offset-4 hover:underline">
            <Users className="size-4" aria-hidden /> Your profile
          </Link>
        </CardContent>
      </Card>
    </>
  );
}

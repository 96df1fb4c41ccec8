import { KeyRound, Plus, UserRoundPlus, Users, CreditCard } from "@/components/ui/icons";
import Link from "next/link";
import { PageHeader } from "@/components/app/page-header";
import { DomainSuggestions } from "@/components/dashboard/domain-suggestions";
import { OnboardingChecklist } from "@/components/dashboard/onboarding-checklist";
import { RecentActivity } from "@/components/dashboard/recent-activity";
import { pendingNote, PlanUsage } from "@/components/plans/usage-meters";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { getDashboard } from "@/lib/dashboard/dashboard";
import type { OnboardingStep } from "@/lib/dashboard/steps";
import { getViewer } from "@/lib/format/viewer";
import { can } from "@/lib/permissions/permissions";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { tenantPath } from "@/lib/tenancy/paths";
import { getTenantFrame, requireTenant } from "@/lib/tenancy/require-tenant";
import { joinSuggestedTenantAction } from "../../domain-actions";
import { dismissOnboardingAction } from "./dashboard-actions";

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
  // The suggestions come with the layout's statement (getTenantFrame reuses it): no round trip of their own.
  const [dashboard, viewer, { suggestions }] = await Promise.all([getDashboard(ctx), getViewer(), getTenantFrame(slug)]);
  const { plan, usage, seats, onboarding, recentActivity } = dashboard;
  const stepHref: Record<OnboardingStep, string> = {
    invite: tenantPath(slug, "members"),
    customer: `${tenantPath(slug, "customers")}/new`,
    apiKey: tenantPath(slug, "api-keys"),
    plan: tenantPath(slug, "billing"),
  };
  const quick = [
    can(ctx.role, "customers.write") && { href: `${tenantPath(slug, "customers")}/new`, label: "Add a customer", icon: Plus },
    can(ctx.role, "invitations.manage") && { href: tenantPath(slug, "members"), label: "Invite someone", icon: UserRoundPlus },
    can(ctx.role, "apiKeys.manage") && { href: tenantPath(slug, "api-keys"), label: "Create an API key", icon: KeyRound },
    can(ctx.role, "billing.manage") && { href: tenantPath(slug, "billing"), label: "Manage billing", icon: CreditCard },
  ].filter((q) => q !== false);
  const numbers = [
    { label: "Customers", value: usage.customers },
    { label: "Members", value: seats.members, note: pendingNote(seats.pendingInvitations) },
    { label: "Plan", value: plan.name, note: `Your role: ${ROLE_LABELS[ctx.role]}` },
  ];

  return (
    <>
      <PageHeader
        title={ctx.tenant.name}
        description={`Welcome back${ctx.user.name ? `, ${ctx.user.name}` : ""}.`}
        actions={
          quick.length > 0 && (
            <div className="flex flex-wrap gap-2">
              {quick.slice(0, 2).map(({ href, label, icon: Icon }, i) => (
                <Button key={label} asChild variant={i === 0 ? "default" : "outline"}>
                  <Link href={href}>
                    <Icon aria-hidden /> {label}
                  </Link>
                </Button>
              ))}
            </div>
          )
        }
      />
      {restored === "1" && <FormMessage tone="success">{ctx.tenant.name} is restored: its members and API keys work again. It is on the Free plan; choose a plan in Billing.</FormMessage>}
      <DomainSuggestions suggestions={suggestions} join={joinSuggestedTenantAction} />
      {onboarding && <OnboardingChecklist steps={onboarding.map((s) => ({ ...s, href: stepHref[s.step] }))} dismiss={dismissOnboardingAction.bind(null, slug)} />}
      <ul className="grid gap-4 sm:grid-cols-3" aria-label="At a glance">
        {numbers.map(({ label, value, note }: { label: string; value: string | number; note?: string }) => (
          <li key={label} className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
            <p className="flex items-center gap-2 text-sm text-zinc-500">
              {label === "Members" && <Users className="size-4" aria-hidden />}
              {label}
            </p>
            <p className="mt-2 text-2xl font-semibold" data-testid={`stat-${label.toLowerCase()}`}>
              {typeof value === "number" ? value.toLocaleString(viewer.locale) : value}
            </p>
            {note && <p className="mt-1 text-sm text-zinc-500">{note}</p>}
          </li>
        ))}
      </ul>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Plan usage</CardTitle>
            <CardDescription>What this workspace uses of the {plan.name} plan.</CardDescription>
          </CardHeader>
          <CardContent>
            <PlanUsage plan={plan} usage={usage} pendingInvitations={seats.pendingInvitations} />
          </CardContent>
        </Card>
        {can(ctx.role, "activity.read") ? (
          <RecentActivity entries={recentActivity} viewer={viewer} href={tenantPath(slug, "activity")} />
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>Make it yours</CardTitle>
              <CardDescription>Your name and picture are what your teammates see.</CardDescription>
            </CardHeader>
            <CardContent>
              <Link href="/account" className="text-sm font-medium underline-offset-4 hover:underline">
                Your profile
              </Link>
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}

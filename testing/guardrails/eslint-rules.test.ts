// The security rules in eslint.config.mjs, proved on small snippets linted as if they
// sat at a path of this repository: removing or loosening a rule fails here.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of our rules for `code` at `filePath` ("rule: message"). */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const DB = /^import\/no-restricted-paths: .*Only lib\/ talks to the database: call \(or add\) a lib function/;
const SCOPE = /^import\/no-restricted-paths: .*Tenant scopes belong in lib\//;
const SERVER_ONLY = /^import\/no-restricted-paths: .*Components get their data as props/;
const CONTEXT = /^no-restricted-syntax: Only the guards build a TenantContext: take it from requireTenant\(slug, permission\?\)/;

describe("only lib/ reaches the database", () => {
  const offenders: [string, string][] = [
    ["app/(app)/t/[slug]/reports/page.tsx", 'import { db } from "@/db/client";\nexport const x = db;'],
    ["app/(app)/t/[slug]/reports/page.tsx", 'import { db } from "../../../../../db/client";\nexport const x = db;'],
    ["app/(app)/t/[slug]/reports/actions.ts", 'import { customers } from "@/db/schema";\nexport const x = customers;'],
    ["app/api/v1/reports/route.ts", 'export const x = () => import("@/db/client");'],
    ["app/api/v1/reports/route.ts", 'export { db } from "@/db/client";'],
    ["components/reports/report.tsx", 'import { db } from "@/db/client";\nexport const x = db;'],
    ["proxy.ts", 'import { db } from "./db/client";\nexport const x = db;'],
    ["instrumentation.ts", 'export const x = () => import("./db/migrate");'],
  ];
  it.each(offenders)("refuses %s: %s", async (filePath, code) => {
    const messages = await lint(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(DB);
  });

  it("allows lib/, db/, tests and benchmarks", async () => {
    const code = 'import { db } from "@/db/client";\nexport const x = db;';
    for (const filePath of ["lib/reports/reports.ts", "db/reports.ts", "app/api/v1/reports.test.ts", "bench/reports.ts"]) {
      expect(await lint(filePath, code), filePath).toEqual([]);
    }
  });
});

describe("app/ and components/ never hold a tenant scope", () => {
  it.each([
    ["app/(app)/t/[slug]/reports/page.tsx", 'import { tenantScope } from "@/lib/tenancy/scope";\nexport const x = tenantScope;'],
    ["app/(app)/t/[slug]/reports/actions.ts", 'import { preparedTenantQuery } from "../../../../../lib/tenancy/scope";\nexport const x = preparedTenantQuery;'],
    ["components/reports/report.tsx", 'import { tenantScope } from "@/lib/tenancy/scope";\nexport const x = tenantScope;'],
  ])("refuses %s: %s", async (filePath, code) => {
    // In components/ the scope is also a server-only module: two messages.
    expect(await lint(filePath, code)).toContainEqual(expect.stringMatching(SCOPE));
  });

  it("allows lib/", async () => {
    expect(await lint("lib/reports/reports.ts", 'import { tenantScope } from "@/lib/tenancy/scope";\nexport const x = tenantScope;')).toEqual([]);
  });
});

describe("components/ take no server-only lib module", () => {
  it("refuses one", async () => {
    const messages = await lint("components/customers/count.tsx", 'import { listCustomers } from "@/lib/customers/customers";\nexport const x = listCustomers;');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(SERVER_ONLY);
  });

  it("allows the shared ones, and pages may call server-only lib", async () => {
    expect(await lint("components/customers/count.tsx", 'import { ROLES } from "@/lib/permissions/roles";\nexport const x = ROLES;')).toEqual([]);
    expect(await lint("app/(app)/t/[slug]/reports/page.tsx", 'import { listCustomers } from "@/lib/customers/customers";\nexport const x = listCustomers;')).toEqual([]);
  });
});

describe("only the guards build a TenantContext", () => {
  it.each([
    ["app/(app)/t/[slug]/reports/page.tsx", 'import { toTenantContext } from "@/lib/tenancy/context";\nexport const x = toTenantContext;'],
    ["components/reports/report.tsx", 'import { toTenantContext as make } from "@/lib/tenancy/context";\nexport const x = make;'],
    ["lib/reports/reports.ts", 'import * as context from "@/lib/tenancy/context";\nexport const x = context.toTenantContext;'],
    ["lib/tenants/reports.ts", 'export { toTenantContext } from "./context";'],
    ["lib/reports/reports.ts", 'export async function x() {\n  const { toTenantContext } = await import("@/lib/tenancy/context");\n  return toTenantContext;\n}'],
  ])("refuses %s: %s", async (filePath, code) => {
    const messages = await lint(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(CONTEXT);
  });

  it("allows the guards, the test helpers and tests", async () => {
    const code = 'import { toTenantContext } from "@/lib/tenancy/context";\nexport const x = toTenantContext;';
    for (const filePath of ["lib/tenancy/require-tenant.ts", "lib/api/handler.ts", "testing/tenant-context.ts", "lib/reports/reports.test.ts"]) {
      expect(await lint(filePath, code), filePath).toEqual([]);
    }
  });
});

it("passes a page that follows the rules", async () => {
  const page = `import type { Metadata } from "next";
import { listCustomers } from "@/lib/customers/customers";
import type { TenantContext } from "@/lib/tenancy/context";
import { requireTenant } from "@/lib/tenancy/require-tenant";

export const metadata: Metadata = { title: "Reports" };

async function count(ctx: TenantContext) {
  return (await listCustomers(ctx, {})).customers.length;
}

export default async function ReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireTenant(slug, "activity.read");
  return <p>{await count(ctx)} customers</p>;
}
`;
  const [result] = await eslint.lintText(page, { filePath: "app/(app)/t/[slug]/reports/page.tsx" });
  expect(result!.messages).toEqual([]);
});

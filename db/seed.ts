// `npm run db:seed`: demo data on DATABASE_URL, or on the embedded database when it
// is unset (stop `npm run dev` first: PGlite allows one process per data folder).
// Sign in as any of these addresses; the link appears at /dev/outbox.
import { eq } from "drizzle-orm";
import "./load-env";
import { openDefaultDatabase } from "./client";
import { addMember, createTenant, createUser, demoCustomer } from "./factories";
import { migrateDatabase } from "./migrate";
import { customers, tenants } from "./schema";

const PEOPLE = {
  alice: { name: "Alice Anders", email: "alice@example.com" },
  bob: { name: "Bob Brown", email: "bob@example.com" },
  carol: { name: "Carol Chen", email: "carol@example.com" },
  dave: { name: "Dave Diaz", email: "dave@example.com" },
  erin: { name: "Erin Evans", email: "erin@example.com" },
} as const;

// Two tenants sharing Bob and Carol; every role present.
const TENANTS = [
  { name: "Acme Inc.", slug: "acme", planId: "pro", customers: 40, members: { alice: "owner", bob: "admin", carol: "member", dave: "billing" } },
  { name: "Globex", slug: "globex", planId: "free", customers: 8, members: { erin: "owner", bob: "member", carol: "billing" } },
] as const;

const handle = openDefaultDatabase();
try {
  await migrateDatabase(handle);
  const [existing] = await handle.db.select().from(tenants).where(eq(tenants.slug, "acme"));
  if (existing) {
    console.log("Demo data is already there (tenant 'acme' exists). Nothing changed.");
  } else {
    await handle.db.transaction(async (tx) => {
      const users = Object.fromEntries(
        await Promise.all(
          Object.entries(PEOPLE).map(async ([key, person]) => [
            key,
            await createUser({ ...person, personalTenantCreatedAt: new Date() }, tx),
          ]),
        ),
      );
      for (const spec of TENANTS) {
        const tenant = await createTenant({ name: spec.name, slug: spec.slug, planId: spec.planId }, tx);
        for (const [key, role] of Object.entries(spec.members)) await addMember(tenant, users[key]!, role, tx);
        // Newest first in the list: spread over the last weeks.
        await tx.insert(customers).values(
          Array.from({ length: spec.customers }, (_, i) => ({
            ...demoCustomer(i + (spec.slug === "globex" ? 100 : 0)),
            tenantId: tenant.id,
            createdAt: new Date(Date.now() - i * 7 * 3600_000),
          })),
        );
      }
    });
    console.log("Seeded tenants acme (Pro, 40 customers) and globex (Free, 8 customers). Sign in as:");
    for (const spec of TENANTS) {
      for (const [key, role] of Object.entries(spec.members)) {
        console.log(`  ${PEOPLE[key as keyof typeof PEOPLE].email.padEnd(20)} ${role.padEnd(8)} in ${spec.slug}`);
      }
    }
  }
} finally {
  await handle.close();
}

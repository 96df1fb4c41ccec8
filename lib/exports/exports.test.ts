import { eq } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createTenant } from "@/db/factories";
import { RESOURCES } from "@/db/resources";
import { activityLog, dataExportChunks, dataExports } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { createCustomer } from "@/lib/customers/customers";
import { listOutbox } from "@/lib/email/outbox";
import { NotFoundError, PermissionDeniedError, UserError } from "@/lib/errors";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { deliverQueuedMail } from "@/testing/jobs";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { drainJobs } from "@/lib/worker/drain";
import { CHUNK_BYTES, ChunkSink } from "./chunk-sink";
import { csvField } from "./csv";
import { exportBytes, getDownloadableExportOrThrow } from "./download";
import { requestAccountExport, requestTenantExport } from "./request-export";

const APP = "http://localhost:3000";

async function archiveOf(exportId: string): Promise<Record<string, string>> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  const parts: Uint8Array[] = [];
  for await (const part of exportBytes(row!)) parts.push(part);
  const files = unzipSync(new Uint8Array(Buffer.concat(parts)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const buildExports = () => drainJobs({ names: ["export-build"] });

describe("exporting a workspace", () => {
  it("zips every table as JSON and CSV, without secrets and without another workspace's rows, and mails a link", async () => {
    const team = await teamOfEveryRole();
    await createCustomer(team.member.ctx, { name: "Ada Lovelace", email: "ada@example.test", notes: 'Says "hi", often' });
    await createCustomer(team.member.ctx, { name: "=HYPERLINK(\"http://evil\")" });
    await createInvitation(team.admin.ctx, { email: `new-${Date.now()}@example.test`, role: "member" }, APP);
    const { key } = await createApiKey(team.owner.ctx, { name: "Sync", scopes: ["customers:read"] });
    const { secret } = await createWebhookEndpoint(team.owner.ctx, { url: "http://localhost:9/export-hooks" });
    const other = await memberOf(await createTenant({ name: "Other Co" }), "owner");
    await createCustomer(other.ctx, { name: "Not Yours", email: "secret@other.test" });

    const requested = await requestTenantExport(team.admin.ctx, APP);
    expect(requested).toMatchObject({ status: "queued", kind: "tenant", tenantId: team.tenant.id });
    expect(await buildExports()).toMatchObject({ failed: 0 });

    const ready = await getDownloadableExportOrThrow(team.admin.user.id, requested.id);
    expect(ready).toMatchObject({ status: "ready", fileName: expect.stringMatching(new RegExp(`^${team.tenant.slug}-export-\\d{4}-\\d{2}-\\d{2}\\.zip$`)) });
    expect(ready.expiresAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const files = await archiveOf(requested.id);
    expect(Object.keys(files).sort()).toEqual(
      ["README.txt", ...["workspace", "members", "invitations", ...RESOURCES.map((r) => r.key), "api_keys", "webhook_endpoints", "activity", "plan_history"].flatMap((t) => [`${t}.json`, `${t}.csv`])].sort(),
    );
    expect(JSON.parse(files["workspace.json"]!)).toEqual([expect.objectContaining({ id: team.tenant.id, name: team.tenant.name })]);
    expect(JSON.parse(files["members.json"]!).map((m: { role: string }) => m.role).sort()).toEqual(["admin", "billing", "member", "owner"]);
    const customerRows = JSON.parse(files["customers.json"]!) as { name: string; notes: string | null }[];
    expect(customerRows.map((c) => c.name).sort()).toEqual(["=HYPERLINK(\"http://evil\")", "Ada Lovelace"]);
    expect(files["customers.csv"]).toContain('"Says ""hi"", often"');
    expect(files["customers.csv"]).toContain(`"'=HYPERLINK(""http://evil"")"`); // defused for spreadsheets
    expect(JSON.parse(files["invitations.json"]!)).toHaveLength(1);
    expect(JSON.parse(files["api_keys.json"]!)).toEqual([expect.objectContaining({ name: "Sync", scopes: ["customers:read"] })]);
    expect(JSON.parse(files["webhook_endpoints.json"]!)).toEqual([expect.objectContaining({ url: "http://localhost:9/export-hooks", eventTypes: [] })]);
    expect(Object.values(files).join("\n")).not.toContain(secret.slice(6, 30));
    const everything = Object.values(files).join("\n");
    expect(everything).not.toContain("Not Yours");
    expect(everything).not.toContain("secret@other.test");
    expect(everything).not.toContain(key);
    expect(everything).not.toMatch(/keyHash|key_hash|tokenHash|token_hash/);
    expect(JSON.parse(files["activity.json"]!).map((a: { action: string }) => a.action)).toContain("tenant.exported");

    await deliverQueuedMail();
    const [mail] = (await listOutbox(100)).filter((m) => m.to === team.admin.user.email && m.subject.includes("export"));
    expect(mail!.text).toContain(`${APP}/exports/${requested.id}`);
  });

  it("is for owners and admins; the download is checked again when it is asked for", async () => {
    const team = await teamOfEveryRole();
    for (const who of [team.member, team.billing]) await expect(requestTenantExport(who.ctx, APP)).rejects.toBeInstanceOf(PermissionDeniedError);
    const requested = await requestTenantExport(team.owner.ctx, APP);
    await expect(requestTenantExport(team.admin.ctx, APP)).rejects.toBeInstanceOf(UserError); // one at a time
    await buildExports();
    const outsider = await memberOf(null, "owner");
    for (const userId of [team.member.user.id, team.billing.user.id, outsider.user.id]) {
      await expect(getDownloadableExportOrThrow(userId, requested.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getDownloadableExportOrThrow(team.admin.user.id, requested.id)).resolves.toMatchObject({ id: requested.id });
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000", "' OR 1=1 --"]) {
      await expect(getDownloadableExportOrThrow(team.admin.user.id, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getDownloadableExportOrThrow(team.admin.user.id, requested.id, new Date(Date.now() + 8 * 86_400_000))).rejects.toBeInstanceOf(NotFoundError);
    await db.update(dataExports).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(dataExports.id, requested.id));
    await expect(getDownloadableExportOrThrow(team.admin.user.id, requested.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("exporting an account", () => {
  it("holds the user's own profile, memberships and activity, no one else's, and is logged in their workspaces", async () => {
    const me = await memberOf(null, "owner", "Mo Me");
    const colleague = await memberOf(me.tenant, "member", "Cy Colleague");
    await createCustomer(me.ctx, { name: "Mine" });
    await createCustomer(colleague.ctx, { name: "Theirs" });
    const requested = await requestAccountExport(me.user, "203.0.113.1", APP);
    await expect(requestAccountExport(me.user, null, APP)).rejects.toBeInstanceOf(UserError);
    await buildExports();
    await expect(getDownloadableExportOrThrow(colleague.user.id, requested.id)).rejects.toBeInstanceOf(NotFoundError);
    const files = await archiveOf((await getDownloadableExportOrThrow(me.user.id, requested.id)).id);
    expect(JSON.parse(files["profile.json"]!)).toEqual([expect.objectContaining({ id: me.user.id, email: me.user.email, name: "Mo Me" })]);
    expect(JSON.parse(files["memberships.json"]!)).toEqual([expect.objectContaining({ slug: me.tenant.slug, role: "owner" })]);
    const activity = JSON.parse(files["activity.json"]!) as { target: string }[];
    expect(activity.map((a) => a.target)).toContain("Mine");
    expect(activity.map((a) => a.target)).not.toContain("Theirs");
    expect(Object.values(files).join("\n")).not.toContain("session-"); // no session tokens
    const logged = await db.select().from(activityLog).where(eq(activityLog.tenantId, me.tenant.id)).orderBy(activityLog.id);
    expect(logged.map((l) => l.action)).toContain("account.exported");
  });
});

describe("building an export twice at once (a worker given up for dead, and its retry)", () => {
  it("publishes one whole archive, never a mix of both runs' pieces", async () => {
    const owner = await memberOf(null, "owner");
    for (let i = 0; i < 30; i++) await createCustomer(owner.ctx, { name: `Customer ${i}`, notes: "x".repeat(2000) + i });
    const requested = await requestTenantExport(owner.ctx, APP);
    const { buildExport } = await import("./build-export");
    const runs = await Promise.all([0, 1].map(() => buildExport({ exportId: requested.id, appUrl: APP })));
    expect(runs.filter((r) => "bytes" in r)).not.toHaveLength(0);
    const [row] = await db.select().from(dataExports).where(eq(dataExports.id, requested.id));
    expect(row!.status).toBe("ready");
    const chunks = await db.select({ attempt: dataExportChunks.attempt }).from(dataExportChunks).where(eq(dataExportChunks.exportId, requested.id));
    expect(new Set(chunks.map((c) => c.attempt))).toEqual(new Set([row!.attempt]));
    const files = await archiveOf(requested.id);
    expect(JSON.parse(files["customers.json"]!)).toHaveLength(30);
    // A third run finds it ready and leaves it alone.
    expect(await buildExport({ exportId: requested.id, appUrl: APP })).toEqual({ skipped: "ready" });
  });
});

describe("the archive's storage", () => {
  it("keeps at most one piece in memory and stores the rest in order", async () => {
    const owner = await memberOf(null, "owner");
    const [row] = await db.insert(dataExports).values({ kind: "account", requestedById: owner.user.id, fileName: "x.zip" }).returning();
    const attempt = crypto.randomUUID();
    const sink = new ChunkSink(row!.id, attempt);
    const bytes = Buffer.alloc(Math.round(CHUNK_BYTES * 2.5));
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    for (let offset = 0; offset < bytes.length; offset += 100_000) {
      sink.push(bytes.subarray(offset, offset + 100_000));
      await sink.flush();
      expect((sink as unknown as { pendingBytes: number }).pendingBytes).toBeLessThan(CHUNK_BYTES);
    }
    await sink.flush(true);
    const stored = await db.select().from(dataExportChunks).where(eq(dataExportChunks.exportId, row!.id));
    expect(stored.map((c) => c.data.length).sort((a, b) => b - a)).toEqual([CHUNK_BYTES, CHUNK_BYTES, bytes.length - 2 * CHUNK_BYTES]);
    const back: Uint8Array[] = [];
    for await (const part of exportBytes({ id: row!.id, attempt })) back.push(part);
    expect(Buffer.concat(back).equals(bytes)).toBe(true);
  });

  it("writes CSV fields a spreadsheet cannot run", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "plain", 'a"b', "a,b", null, new Date("2026-01-02T03:04:05Z")].map(csvField)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "plain",
      '"a""b"',
      '"a,b"',
      "",
      "2026-01-02T03:04:05.000Z",
    ]);
  });
});

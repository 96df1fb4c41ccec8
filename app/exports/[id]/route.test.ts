import { unzipSync } from "fflate";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestTenantExport } from "@/lib/exports/request-export";
import { newRequest, signInAs } from "@/testing/fake-request";
import { memberOf, teamOfEveryRole } from "@/testing/tenant-context";
import { drainJobs } from "@/lib/worker/drain";
import { GET } from "./route";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));

beforeEach(() => newRequest());

const download = (id: string) => GET(new Request(`http://localhost:3000/exports/${id}`), { params: Promise.resolve({ id }) });

describe("GET /exports/{id}", () => {
  it("streams the zip to a member who may export, and answers 404 to everyone else, 303 to sign-in when signed out", async () => {
    const team = await teamOfEveryRole();
    const requested = await requestTenantExport(team.admin.ctx, "http://localhost:3000");
    await drainJobs({ names: ["export-build"] });

    const signedOut = await download(requested.id);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe(`http://localhost:3000/sign-in?callbackUrl=${encodeURIComponent(`/exports/${requested.id}`)}`);

    await signInAs(team.owner.user);
    const ok = await download(requested.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/zip");
    expect(ok.headers.get("content-disposition")).toBe(`attachment; filename="${requested.fileName}"`);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect(Number(ok.headers.get("content-length"))).toBe(bytes.length);
    expect(Object.keys(unzipSync(bytes))).toContain("customers.csv");

    const outsider = await memberOf(null, "owner");
    for (const user of [team.member.user, team.billing.user, outsider.user]) {
      await signInAs(user);
      const refused = await download(requested.id);
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain("PK");
    }
    await signInAs(team.owner.user);
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000", "%00", "../../etc/passwd"]) expect((await download(id)).status).toBe(404);
  });
});

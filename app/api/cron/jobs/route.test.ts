import { afterEach, describe, expect, it, vi } from "vitest";
import { listOutbox } from "@/lib/email/outbox";
import { sendEmail } from "@/lib/email/send-email";
import { jobsIn } from "@/testing/jobs";
import { GET } from "./route";

const SECRET = "cron-secret-for-tests-0123456789";
const call = (authorization?: string) => GET(new Request("http://localhost:3000/api/cron/jobs", { headers: authorization ? { authorization } : {} }));

afterEach(() => vi.unstubAllEnvs());

describe("GET /api/cron/jobs", () => {
  it("refuses without the secret, with a wrong one, and always while CRON_SECRET is unset; runs nothing", async () => {
    await sendEmail({ to: "cron-refused@example.test", subject: "Waiting", text: "waiting" });
    for (const authorization of [undefined, "Bearer undefined", "Bearer ", `Bearer ${SECRET}`]) {
      const response = await call(authorization);
      expect(response.status, String(authorization)).toBe(401);
    }
    vi.stubEnv("CRON_SECRET", SECRET);
    for (const authorization of [undefined, `Bearer ${SECRET}x`, `Basic ${SECRET}`, SECRET, `Bearer ${SECRET.slice(0, -1)}`]) {
      const response = await call(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
    expect((await jobsIn("email-send")).find((j) => j.data.to === "cron-refused@example.test")?.state).toBe("created");
  });

  it("with Vercel's header, runs what is ready, puts the scheduled jobs on the queue, and says what it did", async () => {
    vi.stubEnv("CRON_SECRET", SECRET);
    await sendEmail({ to: "cron@example.test", subject: "Through cron", text: "hello" });
    const response = await call(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.completed).toBeGreaterThanOrEqual(3); // the mail, the cleanup, the purge
    expect(body.failed).toBe(0);
    expect((await listOutbox()).some((m) => m.to === "cron@example.test")).toBe(true);
    expect((await jobsIn("maintenance-cleanup")).map((j) => j.state)).toEqual(["completed"]);
    expect((await jobsIn("tenants-purge")).map((j) => j.state)).toEqual(["completed"]);

    // Called again within the hour: the scheduled jobs are not queued twice.
    expect((await (await call(`Bearer ${SECRET}`)).json()).scheduled).toBe(0);
    expect(await jobsIn("maintenance-cleanup")).toHaveLength(1);
  });
});

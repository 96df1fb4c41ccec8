import { afterEach, describe, expect, it } from "vitest";
import { listOutbox } from "@/lib/email/outbox";
import { sendEmail } from "@/lib/email/send-email";
import { parseEnv } from "@/lib/env/env";
import { jobsWorkerModeOf, startJobWorker, stopJobWorker } from "./start-worker";

afterEach(async () => stopJobWorker());

async function waitFor(check: () => Promise<boolean>, ms = 5000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe("the in-process worker", () => {
  it("delivers a queued mail moments after it is queued, without anyone calling it", async () => {
    startJobWorker("inline");
    const sent = Date.now();
    await sendEmail({ to: "worker@example.test", subject: "From the worker", text: "hi" });
    expect(await waitFor(async () => (await listOutbox(20)).some((m) => m.to === "worker@example.test"))).toBe(true);
    expect(Date.now() - sent).toBeLessThan(3000);
  });

  it("does nothing when told the work happens elsewhere", async () => {
    startJobWorker("off");
    await sendEmail({ to: "nobody-works@example.test", subject: "Waits", text: "hi" });
    expect(await waitFor(async () => (await listOutbox(20)).some((m) => m.to === "nobody-works@example.test"), 1500)).toBe(false);
  });

  it("runs inline by default, after requests and from the cron route on Vercel", () => {
    expect(jobsWorkerModeOf(parseEnv({}))).toBe("inline");
    expect(jobsWorkerModeOf(parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db", CRON_SECRET: "c".repeat(16) }))).toBe("cron");
    expect(jobsWorkerModeOf(parseEnv({ JOBS_WORKER: "off" }))).toBe("off");
  });
});

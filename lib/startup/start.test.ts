import { afterEach, describe, expect, it, vi } from "vitest";
import { derivedOutboxToken } from "@/lib/email/outbox-access";
import { startServer } from "./start";

const SECRET = "a-demo-secret-a-demo-secret-a-demo-secret";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function startLog(env: Record<string, string>): Promise<string[]> {
  // The worker has its own test (lib/worker/start-worker.test.ts).
  for (const [key, value] of Object.entries({ JOBS_WORKER: "off", ...env })) vi.stubEnv(key, value);
  const info = vi.spyOn(console, "info").mockImplementation(() => {});
  await startServer();
  return info.mock.calls.map((call) => call.join(" "));
}

describe("startServer", () => {
  it("prints a production demo's outbox link, with its token, once", async () => {
    const lines = await startLog({ NODE_ENV: "production", AUTH_SECRET: SECRET, AUTH_URL: "https://demo.example.com/", TRUSTED_PROXY: "none", EMAIL_OUTBOX: "true", DEMO_MODE: "true", EMAIL_SERVER: "" });
    const link = `https://demo.example.com/dev/outbox?token=${derivedOutboxToken(SECRET)}`;
    expect(lines.filter((line) => line.includes(link))).toHaveLength(1);
  });

  it("points to the open outbox in development", async () => {
    const lines = await startLog({ NODE_ENV: "development", EMAIL_SERVER: "", EMAIL_OUTBOX: "" });
    expect(lines).toContain("Mail goes to the development outbox at /dev/outbox");
    expect(lines.join("\n")).not.toContain("token=");
  });
});

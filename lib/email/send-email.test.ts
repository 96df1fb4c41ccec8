import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer } from "node:net";
import { db } from "@/db/client";
import { deliverQueuedMail, jobsIn, makeRetriesDue } from "@/testing/jobs";
import { JOBS } from "@/lib/jobs/definitions";
import { listJobs } from "@/lib/jobs/list-jobs";
import { listOutbox } from "./outbox";
import { sendEmail } from "./send-email";
import { magicLinkEmail } from "./templates/magic-link";

type Received = { from: string; to: string[]; raw: string; decoded: string };

/** Undoes quoted-printable soft breaks and escapes, enough to search the message. */
const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// A real SMTP server on a free local port, keeping every message it receives.
const received: Received[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        raw,
        decoded: decodeQuotedPrintable(raw),
      });
      callback();
    });
  },
});
let smtpUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.unstubAllEnvs();
});

const link = "http://localhost:3000/api/auth/callback/email?token=abc&email=ada%40example.test";

describe("sendEmail", () => {
  it("sends through SMTP when EMAIL_SERVER is set", async () => {
    vi.stubEnv("EMAIL_SERVER", smtpUrl);
    vi.stubEnv("EMAIL_FROM", "Starter <hello@starter.test>");
    const before = (await listOutbox()).length;
    await sendEmail({ to: "ada@example.test", ...magicLinkEmail({ url: link, expiresInMinutes: 30 }) });
    await deliverQueuedMail();

    const mail = received.at(-1)!;
    expect(mail.from).toBe("hello@starter.test");
    expect(mail.to).toEqual(["ada@example.test"]);
    expect(mail.raw).toMatch(/^From: Starter <hello@starter\.test>$/m);
    expect(mail.raw).toMatch(/^Subject: Sign in to Starter$/m);
    expect(mail.decoded).toContain(link); // text part
    expect(mail.decoded).toContain(link.replace(/&/g, "&amp;")); // html part
    expect((await listOutbox()).length).toBe(before);
  });

  it("keeps mail in the outbox, newest first, when no SMTP server is set", async () => {
    const count = received.length;
    await sendEmail({ to: "first@example.test", subject: "First", text: "one" });
    await deliverQueuedMail();
    await new Promise((r) => setTimeout(r, 5));
    await sendEmail({ to: "second@example.test", subject: "Second", text: `two ${link}` });
    await deliverQueuedMail();
    const [newest, older] = await listOutbox();
    expect(newest).toMatchObject({ to: "second@example.test", subject: "Second" });
    expect(older).toMatchObject({ to: "first@example.test", subject: "First" });
    expect(received.length).toBe(count);
  });

  it("uses the outbox when it is chosen explicitly, even with SMTP configured", async () => {
    vi.stubEnv("EMAIL_SERVER", smtpUrl);
    vi.stubEnv("EMAIL_FROM", "hello@starter.test");
    vi.stubEnv("EMAIL_OUTBOX", "true");
    const count = received.length;
    await sendEmail({ to: "demo@example.test", subject: "Demo", text: "demo" });
    await deliverQueuedMail();
    expect(received.length).toBe(count);
    expect((await listOutbox())[0]).toMatchObject({ to: "demo@example.test" });
  });
});

describe("mail through the job queue", () => {
  it("is only queued by sendEmail, its body sealed: the job's row holds no link", async () => {
    const before = (await listOutbox()).length;
    await sendEmail({ to: "sealed@example.test", subject: "Sealed", text: `link ${link}` });
    expect((await listOutbox()).length).toBe(before);
    const [job] = (await jobsIn("email-send")).filter((j) => j.data.to === "sealed@example.test");
    expect(job).toMatchObject({ state: "created", data: { to: "sealed@example.test", subject: "Sealed" } });
    expect(JSON.stringify(job!.data)).not.toContain("token=abc");
    await deliverQueuedMail();
    expect((await listOutbox())[0]).toMatchObject({ to: "sealed@example.test", text: `link ${link}` });
    expect((await jobsIn("email-send")).find((j) => j.id === job!.id)?.state).toBe("completed");
  });

  it("goes with its transaction: rolled back, no job and no mail", async () => {
    await db
      .transaction(async (tx) => {
        await sendEmail({ to: "rolled-back@example.test", subject: "Never", text: "never" }, { executor: tx });
        throw new Error("roll back");
      })
      .catch(() => {});
    await deliverQueuedMail();
    expect((await jobsIn("email-send")).some((j) => j.data.to === "rolled-back@example.test")).toBe(false);
    expect((await listOutbox()).some((m) => m.to === "rolled-back@example.test")).toBe(false);
  });

  it("retries a refused delivery with growing delays, then dead-letters it where `npm run jobs` shows it", async () => {
    // A port that refuses connections: a mail server that is down.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    vi.stubEnv("EMAIL_SERVER", `smtp://127.0.0.1:${port}`);
    vi.stubEnv("EMAIL_FROM", "hello@starter.test");

    await sendEmail({ to: "unlucky@example.test", subject: "Down", text: "down" });
    const delays: number[] = [];
    for (let attempt = 0; attempt <= JOBS["email-send"].retryLimit; attempt++) {
      expect(await deliverQueuedMail()).toEqual({ completed: 0, failed: 1 });
      const job = (await jobsIn("email-send")).find((j) => j.data.to === "unlucky@example.test")!;
      if (job.state === "failed") break;
      expect(job.state).toBe("retry");
      delays.push(new Date(job.startAfter).getTime() - Date.now());
      expect(await deliverQueuedMail()).toEqual({ completed: 0, failed: 0 }); // not due yet
      await makeRetriesDue("email-send");
    }
    expect(delays).toHaveLength(JOBS["email-send"].retryLimit);
    expect(delays[0]).toBeGreaterThan(5_000);
    expect(delays[3]!).toBeGreaterThan(delays[0]! * 3); // backoff: each wait about twice the last
    const failed = (await jobsIn("email-send")).find((j) => j.data.to === "unlucky@example.test")!;
    expect(failed.state).toBe("failed");
    expect(failed.output).toMatchObject({ message: expect.stringMatching(/ECONNREFUSED/) });
    expect((await jobsIn("email-send-dead")).some((j) => j.data.to === "unlucky@example.test")).toBe(true);
    const listed = await listJobs({ state: "dead" });
    expect(listed.some((j) => j.queue === "email-send-dead" && j.summary.includes("unlucky@example.test"))).toBe(true);
  });
});

describe("magic link email", () => {
  it("escapes what it puts in HTML", () => {
    const { html } = magicLinkEmail({ url: 'http://localhost/x?a=1&b="2"', expiresInMinutes: 30 });
    expect(html).toContain("a=1&amp;b=&quot;2&quot;");
    expect(html).not.toContain('b="2"');
  });
});

import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
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
    await new Promise((r) => setTimeout(r, 5));
    await sendEmail({ to: "second@example.test", subject: "Second", text: `two ${link}` });
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
    expect(received.length).toBe(count);
    expect((await listOutbox())[0]).toMatchObject({ to: "demo@example.test" });
  });
});

describe("magic link email", () => {
  it("escapes what it puts in HTML", () => {
    const { html } = magicLinkEmail({ url: 'http://localhost/x?a=1&b="2"', expiresInMinutes: 30 });
    expect(html).toContain("a=1&amp;b=&quot;2&quot;");
    expect(html).not.toContain('b="2"');
  });
});

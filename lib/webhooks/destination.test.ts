import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startDnsServer } from "@/testing/dns-server";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/webhook-receiver";
import { DestinationRefusedError, isForbiddenAddress, resolveDestination, urlProblem } from "./destination";
import { postOnce } from "./send";

const STRICT = { allowPrivate: false };
const LOCAL = { allowPrivate: true };

const FORBIDDEN = [
  "127.0.0.1",
  "127.255.255.254",
  "0.0.0.0",
  "10.0.0.5",
  "172.16.0.1",
  "172.31.255.255",
  "192.168.1.1",
  "100.64.0.1",
  "169.254.169.254", // AWS, GCP, Azure metadata
  "169.254.0.1",
  "192.0.0.192", // Oracle Cloud metadata
  "198.18.0.1",
  "224.0.0.1",
  "255.255.255.255",
  "::",
  "::1",
  "::ffff:127.0.0.1",
  "::ffff:7f00:1",
  "::ffff:169.254.169.254",
  "::ffff:10.0.0.1",
  "::ffff:0:127.0.0.1", // IPv4-translated
  "::127.0.0.1", // IPv4-compatible, deprecated
  "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
  "2002:7f00:1::", // 6to4 of 127.0.0.1
  "2002:a9fe:a9fe::1",
  "fd00:ec2::254", // AWS metadata over IPv6
  "fc00::1",
  "fe80::1",
  "ff02::1",
  "2001:db8::1",
  "not an address",
];
const PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"];

describe("which addresses webhooks may reach", () => {
  it.each(FORBIDDEN)("refuses %s", (ip) => expect(isForbiddenAddress(ip)).toBe(true));
  it.each(PUBLIC)("allows %s", (ip) => expect(isForbiddenAddress(ip)).toBe(false));
});

describe("endpoint URLs", () => {
  it("are https in production; http only to localhost where private destinations are allowed", () => {
    expect(urlProblem("https://hooks.example.com/x", STRICT)).toBeNull();
    expect(urlProblem("http://hooks.example.com/x", STRICT)).toBe("Use https.");
    expect(urlProblem("http://localhost:4000/x", STRICT)).toBe("Use https.");
    expect(urlProblem("http://localhost:4000/x", LOCAL)).toBeNull();
    expect(urlProblem("http://127.0.0.1:4000/x", LOCAL)).toBeNull();
    expect(urlProblem("http://hooks.example.com/x", LOCAL)).toMatch(/http only to localhost/);
    expect(urlProblem("ftp://example.com", LOCAL)).toMatch(/https/);
    expect(urlProblem("https://user:pass@example.com", STRICT)).toMatch(/user name and password/);
    expect(urlProblem("example.com/hooks", STRICT)).toMatch(/full URL/);
  });
});

describe("resolving a destination through a real DNS server", () => {
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  beforeAll(async () => {
    dns = await startDnsServer({
      "public.test": { A: ["93.184.216.34"] },
      "loopback.test": { A: ["127.0.0.1"] },
      "private.test": { A: ["10.1.2.3"] },
      "metadata.test": { A: ["169.254.169.254"] },
      "metadata6.test": { AAAA: ["fd00:ec2::254"] },
      "mapped.test": { AAAA: ["::ffff:127.0.0.1"] },
      "mixed.test": { A: ["93.184.216.34", "192.168.0.10"] },
      "sneaky.test": { A: ["93.184.216.34"], AAAA: ["::1"] },
    });
    vi.stubEnv("DNS_SERVERS", dns.address);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await dns.close();
  });

  it("answers the public address of a public name", async () => {
    expect(await resolveDestination(new URL("https://public.test/hooks"), STRICT)).toEqual({ address: "93.184.216.34", family: 4 });
  });

  it.each(["loopback.test", "private.test", "metadata.test", "metadata6.test", "mapped.test", "mixed.test", "sneaky.test"])(
    "refuses %s, which resolves to a private, loopback or metadata address",
    async (host) => {
      await expect(resolveDestination(new URL(`https://${host}/hooks`), STRICT)).rejects.toThrow(DestinationRefusedError);
    },
  );

  it("refuses literal private addresses without asking DNS, and names that do not resolve", async () => {
    for (const url of ["https://127.0.0.1/", "https://[::1]/", "https://169.254.169.254/latest/meta-data", "https://[::ffff:a9fe:a9fe]/"]) {
      await expect(resolveDestination(new URL(url), STRICT), url).rejects.toThrow(/private, loopback/);
    }
    await expect(resolveDestination(new URL("https://nowhere.test/"), STRICT)).rejects.toThrow(/does not resolve/);
  });

  it("lets local addresses through only where private destinations are allowed", async () => {
    expect(await resolveDestination(new URL("https://loopback.test/"), LOCAL)).toEqual({ address: "127.0.0.1", family: 4 });
  });
});

describe("one delivery attempt", () => {
  let receiver: WebhookReceiver;
  let other: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    other = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await other.close();
  });

  it("never connects to a private address in production, named or literal", async () => {
    const before = receiver.received.length;
    for (const url of [receiver.url(), `https://127.0.0.1:${receiver.port}/hooks`]) {
      const result = await postOnce(url, {}, "{}", STRICT);
      expect(result).toMatchObject({ ok: false, status: null });
    }
    expect(receiver.received.length).toBe(before);
  });

  it("does not follow a redirect, even to an allowed address", async () => {
    receiver.answer({ status: 302, headers: { location: other.url("/stolen") } });
    const result = await postOnce(receiver.url(), { "content-type": "application/json" }, '{"a":1}', LOCAL);
    expect(result).toMatchObject({ ok: false, status: 302, error: expect.stringMatching(/Redirects are not followed/) });
    expect(other.received).toHaveLength(0);
    receiver.answer({ status: 204 });
  });

  it("keeps only the first KB of a response", async () => {
    receiver.answer({ status: 200, body: "x".repeat(100_000) });
    const result = await postOnce(receiver.url(), {}, "{}", LOCAL);
    expect(result.ok).toBe(true);
    expect(result.body).toHaveLength(1024);
    receiver.answer({ status: 204 });
  });

  it("gives up on a receiver that does not answer in time", async () => {
    receiver.answer({ status: 200, delayMs: 5_000 });
    const result = await postOnce(receiver.url(), {}, "{}", LOCAL, 300);
    expect(result).toMatchObject({ ok: false, status: null, error: "No response within 0.3 s." });
    receiver.answer({ status: 204 });
  });
});

// What a cold first visit to a page downloads: every script response until the load
// event, each gzipped here at zlib's default level (so the figure does not depend on
// whether the server compressed), and the HTML with its share of inline RSC payload
// (the `self.__next_f.push(...)` scripts).
import { gzipSync } from "node:zlib";
import type { Browser, Response } from "@playwright/test";
import { SESSION_COOKIE } from "./sign-in";

export type FirstLoad = {
  path: string;
  status: number;
  scripts: number;
  scriptBytes: number;
  scriptGzipBytes: number;
  htmlBytes: number;
  htmlGzipBytes: number;
  rscInlineBytes: number;
  /** Scripts fetched after the load event, until the network was idle (prefetches, lazy chunks). */
  lateScripts: number;
  lateScriptGzipBytes: number;
  /** Each script until load: its path and gzipped size. */
  scriptList: { url: string; gzipBytes: number }[];
};

export async function measureFirstLoad(browser: Browser, baseUrl: string, sessionToken: string, path: string): Promise<FirstLoad> {
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: baseUrl }]);
  try {
    const page = await context.newPage();
    let loaded = false;
    const early: Promise<Buffer>[] = [];
    const earlyUrls: string[] = [];
    const late: Promise<Buffer>[] = [];
    page.on("response", (response: Response) => {
      if (response.request().resourceType() !== "script") return;
      if (!loaded) earlyUrls.push(new URL(response.url()).pathname);
      (loaded ? late : early).push(response.body());
    });
    const document = await page.goto(path, { waitUntil: "load" });
    loaded = true;
    if (!document) throw new Error(`No response for ${path}`);
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});

    const html = await document.body();
    const text = html.toString("utf8");
    let rscInlineBytes = 0;
    for (const match of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
      if (match[1]!.includes("self.__next_f")) rscInlineBytes += Buffer.byteLength(match[0]);
    }
    const earlyBodies = await Promise.all(early);
    const lateBodies = await Promise.all(late);
    const earlyGzip = earlyBodies.map((b) => gzipSync(b).length);
    const gz = (bodies: Buffer[]) => bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
    return {
      path,
      status: document.status(),
      scripts: earlyBodies.length,
      scriptBytes: earlyBodies.reduce((sum, b) => sum + b.length, 0),
      scriptGzipBytes: earlyGzip.reduce((a, b) => a + b, 0),
      htmlBytes: html.length,
      htmlGzipBytes: gzipSync(html).length,
      rscInlineBytes,
      lateScripts: lateBodies.length,
      lateScriptGzipBytes: gz(lateBodies),
      scriptList: earlyUrls.map((url, i) => ({ url, gzipBytes: earlyGzip[i]! })),
    };
  } finally {
    await context.close();
  }
}

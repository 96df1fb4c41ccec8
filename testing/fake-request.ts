// A request for code that reads Next's cookies and headers and caches with React's
// cache(), outside Next. In a test file:
//   vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
//   vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: (await import("@/testing/fake-request")).requestCache }));
import { createSession } from "@/db/factories";

export const request = { cookies: new Map<string, string>(), headers: new Headers() };

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    // A server action's jar also writes: what it sets is read back in the same request.
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string | { name: string }) => void request.cookies.delete(typeof name === "string" ? name : name.name),
  }),
  headers: async () => request.headers,
};

// React's cache() memoises per server request; outside a render it does not, so this
// stands in for it with one memo per test ("request").
const memos = new Set<Map<string, unknown>>();
export function requestCache<A extends unknown[], R>(fn: (...args: A) => R) {
  const memo = new Map<string, R>();
  memos.add(memo as Map<string, unknown>);
  return (...args: A): R => {
    const key = JSON.stringify(args);
    if (!memo.has(key)) memo.set(key, fn(...args));
    return memo.get(key)!;
  };
}

/** A new request: nothing cached, no cookies. */
export function newRequest() {
  for (const memo of memos) memo.clear();
  request.cookies.clear();
}

/** A new request signed in as `user` (a new database session). */
export async function signInAs(user: { id: string }, expires?: Date) {
  const token = await createSession(user, expires);
  newRequest();
  request.cookies.set("authjs.session-token", token);
}

/** How a guard ended: "ok", "404", "redirect <url>", or the error a page guard did not turn into one. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? error);
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    throw error;
  }
}

import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";
import { readBodyWithin } from "@/lib/request/bounded-body";
import { MAX_BODY_BYTES } from "./body";
import { ApiError } from "./errors";

/** How long a key's first answer is kept and replayed. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/** A first request still unfinished after this is taken as dead (its server stopped), and the key free again. */
const ABANDONED_AFTER_SECONDS = 5 * 60;
/** How long a retry waits for a first request with its key that is still running (tests shorten it). */
export const idempotencyWait = { ms: 10_000 };

type Owner = { tenantId: string; apiKeyId: string };

const KEY = /^[\x21-\x7e]{1,255}$/;

const where = (owner: Owner, key: string) =>
  and(eq(apiIdempotencyKeys.tenantId, owner.tenantId), eq(apiIdempotencyKeys.apiKeyId, owner.apiKeyId), eq(apiIdempotencyKeys.key, key));

const replay = (row: { status: number | null; body: string | null }) =>
  new Response(row.body || null, { status: row.status!, headers: { ...(row.body ? { "content-type": "application/json" } : {}), "Idempotent-Replayed": "true" } });

/**
 * Runs a POST at most once per `Idempotency-Key` (per API key, for 24 hours): a retry with
 * the same key and the same request gets the first answer again; the same key with another
 * request is a 422. A retry while the first is still running waits for its answer. Only a
 * success is kept: after an error the key is free, so a corrected retry can run.
 */
export async function withIdempotency(owner: Owner, request: Request, run: (request: Request) => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return run(request);
  if (!KEY.test(key)) {
    throw new ApiError(422, "validation_failed", "Idempotency-Key must be 1 to 255 printable ASCII characters, such as a UUID.", {
      "Idempotency-Key": ["Send 1 to 255 printable ASCII characters, such as a UUID."],
    });
  }
  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!body) throw new ApiError(413, "payload_too_large", `The body can be at most ${MAX_BODY_BYTES / 1024} KB.`);
  const requestHash = idempotencyHash(request.method, new URL(request.url).pathname, body);

  const deadline = Date.now() + idempotencyWait.ms;
  for (;;) {
    // Frees the key when its answer has expired or its first request was abandoned.
    await db
      .delete(apiIdempotencyKeys)
      .where(
        and(
          where(owner, key),
          or(
            lt(apiIdempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`),
            and(isNull(apiIdempotencyKeys.status), lt(apiIdempotencyKeys.createdAt, sql`now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})`)),
          ),
        ),
      );
    const [claimed] = await db.insert(apiIdempotencyKeys).values({ ...owner, key, requestHash }).onConflictDoNothing().returning({ key: apiIdempotencyKeys.key });
    if (claimed) return runOnce(owner, key, request, body, run);

    const [existing] = await db.select().from(apiIdempotencyKeys).where(where(owner, key));
    if (!existing) continue; // the first failed and let the key go: this one runs
    if (existing.requestHash !== requestHash) {
      throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request. Use a new key for a new request.");
    }
    if (existing.status !== null) return replay(existing);
    if (Date.now() > deadline) throw new ApiError(409, "idempotency_in_progress", "A request with this Idempotency-Key is still running. Retry in a moment.", undefined, { "Retry-After": "1" });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What must match for a retry to get the first answer: method, path and body. */
export const idempotencyHash = (method: string, path: string, body: Uint8Array | string) =>
  createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");

async function runOnce(owner: Owner, key: string, request: Request, body: Uint8Array, run: (request: Request) => Promise<Response>): Promise<Response> {
  let response: Response;
  try {
    response = await run(new Request(request.url, { method: request.method, headers: request.headers, body: body as BodyInit }));
  } catch (error) {
    await db.delete(apiIdempotencyKeys).where(where(owner, key));
    throw error;
  }
  if (response.status < 200 || response.status >= 300) {
    await db.delete(apiIdempotencyKeys).where(where(owner, key));
    return response;
  }
  const text = await response.text();
  await db.update(apiIdempotencyKeys).set({ status: response.status, body: text }).where(where(owner, key));
  return new Response(text || null, { status: response.status, headers: response.headers });
}

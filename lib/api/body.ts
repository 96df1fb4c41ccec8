import { readBodyWithin } from "@/lib/request/bounded-body";
import { ApiError } from "./errors";

/** The most a request body may hold. A customer at every field's limit is under 70 KB even with every character \u-escaped. */
export const MAX_BODY_BYTES = 128 * 1024;

/**
 * The request's body as a JSON object, refusing in order: a body that is not declared
 * as JSON in UTF-8 (415), one over MAX_BODY_BYTES (413, read no further), one that is
 * not UTF-8 JSON (400), and JSON that is not an object (422).
 */
export async function jsonObjectBody(request: Request): Promise<Record<string, unknown>> {
  assertJsonContentType(request.headers.get("content-type"));
  const body = parseJson(await readBody(request));
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError(422, "validation_failed", "The body must be a JSON object.", { _form: ["Send a JSON object, like {\"name\": \"Ada\"}."] });
  }
  return body as Record<string, unknown>;
}

function assertJsonContentType(header: string | null) {
  const [type, ...params] = (header ?? "").split(";").map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/^"|"$/g, "");
  if (type !== "application/json" || (charset !== undefined && charset !== "utf-8")) {
    throw new ApiError(415, "unsupported_media_type", "Send the body as JSON, with Content-Type: application/json (UTF-8).");
  }
}

async function readBody(request: Request): Promise<Uint8Array> {
  const bytes = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!bytes) throw new ApiError(413, "payload_too_large", `The body can be at most ${MAX_BODY_BYTES / 1024} KB.`);
  return bytes;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON (UTF-8).");
  }
}

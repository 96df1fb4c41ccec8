import type { z } from "zod";
import { parseOrThrow } from "@/lib/validation";
import { ApiError } from "./errors";

/** The URL's query parsed with `schema`; a bad or repeated parameter is a 422 naming it. */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  const params = new URL(request.url).searchParams;
  const repeated = [...new Set([...params.keys()].filter((key) => params.getAll(key).length > 1))];
  if (repeated.length) {
    throw new ApiError(422, "validation_failed", "Send each query parameter once.", Object.fromEntries(repeated.map((key) => [key, ["Send this parameter once."]])));
  }
  return parseOrThrow(schema, Object.fromEntries(params), "Check the query parameters.");
}

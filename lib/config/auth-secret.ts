import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "./app";
import { getEnv } from "@/lib/env/env";

let cached: string | undefined;

/**
 * AUTH_SECRET, or outside production a secret generated once and kept in .data/,
 * so sessions survive restarts of `npm run dev` with nothing configured.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required in production");
  const file = path.resolve(/*turbopackIgnore: true*/ DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(32).toString("base64url");
    writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}

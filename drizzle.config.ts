import { defineConfig } from "drizzle-kit";
import "./db/load-env";

// `db:generate` only reads the schema. `db:studio` needs a server: point DATABASE_URL
// at Postgres (drizzle-kit cannot open the embedded database while the app uses it).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined,
  strict: true,
  verbose: true,
} as Parameters<typeof defineConfig>[0]);

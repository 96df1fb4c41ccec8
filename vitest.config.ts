import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests run lib code directly.
      { find: /^server-only$/, replacement: path.join(root, "db/testing/empty-module.ts") },
    ],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "testing/**/*.test.ts"],
    globalSetup: ["db/testing/global-setup.ts"],
    setupFiles: ["db/testing/setup-database.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
    // next-auth imports "next/server" without an extension, which Node's ESM resolver
    // refuses; inlined, it goes through Vite's resolver (the route tests of /api/auth).
    server: { deps: { inline: ["next-auth"] } },
  },
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const root = import.meta.dirname;
const SOURCE = "**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}";
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "bench/**"];

// lib modules that say `import "server-only"`: read here so the list follows the code.
const serverOnlyLib = readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .filter((file) => /^import "server-only";/m.test(readFileSync(path.join(root, "lib", file), "utf8")))
  .map((file) => `./lib/${file.split(path.sep).join("/")}`);

// The security rules of docs/decisions/0002 and 0014, checked on every import (aliased,
// relative or dynamic: the paths are resolved, not matched as text).
const layers = {
  name: "guardrails/layers",
  files: [SOURCE],
  // scripts/ are operator commands that open the database themselves, as db/seed.ts does.
  ignores: ["lib/**", "db/**", "scripts/**", "testing/**", "drizzle.config.ts", ...TESTS],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        basePath: root,
        zones: [
          {
            target: ".",
            from: "./db",
            message: "Only lib/ talks to the database: call (or add) a lib function that takes the tenant context.",
          },
          {
            target: ".",
            from: "./lib/tenancy/scope.ts",
            message: "Tenant scopes belong in lib/: call (or add) a lib function that takes the tenant context.",
          },
          {
            target: "./components",
            from: serverOnlyLib,
            message: "Components get their data as props: call this server-only lib module from the page or action instead.",
          },
        ],
      },
    ],
  },
};

// A TenantContext says membership was checked: only the guards build one.
const guardsOnly = {
  name: "guardrails/tenant-context",
  files: [SOURCE],
  ignores: ["lib/tenancy/context.ts", "lib/tenancy/require-tenant.ts", "lib/api/handler.ts", "testing/**", ...TESTS],
  rules: {
    "no-restricted-syntax": [
      "error",
      ...[
        "ImportSpecifier[imported.name='toTenantContext']",
        "ExportSpecifier[local.name='toTenantContext']",
        "MemberExpression[property.name='toTenantContext']",
        "ObjectPattern > Property[key.name='toTenantContext']",
      ].map((selector) => ({
        selector,
        message:
          "Only the guards build a TenantContext: take it from requireTenant(slug, permission?) in a page or action (lib/api/handler.ts for the API), or from testing/ in a test.",
      })),
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  layers,
  guardsOnly,
  { ignores: [".next/**", ".data/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;

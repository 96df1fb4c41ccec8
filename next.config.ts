import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT } from "./lib/security/body-limit";
import { securityHeaders } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss"],
  poweredByHeader: false,
  // proxy.ts refuses larger bodies with a 413 before Next.js reads them.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT } },
  async headers() {
    return securityHeaders({ production: process.env.NODE_ENV === "production" });
  },
};

export default nextConfig;

// Scripts read .env, .env.local and friends the way `next dev` does.
import * as nextEnv from "@next/env";

// A CommonJS module: under tsx its functions sit on `default`, under drizzle-kit on the namespace.
const { loadEnvConfig } = (nextEnv as unknown as { default?: typeof nextEnv }).default ?? nextEnv;
loadEnvConfig(process.cwd());

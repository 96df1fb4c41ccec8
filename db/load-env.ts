// Scripts read .env, .env.local and friends the way `next dev` does.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

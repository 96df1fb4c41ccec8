// `npm run lint:openapi`: writes the served OpenAPI document to a temporary file and lints
// it with Redocly's CLI: the recommended rules, with warnings counted as errors, so any problem fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openApiDocument } from "@/lib/api/openapi";

const dir = mkdtempSync(path.join(tmpdir(), "openapi-"));
const file = path.join(dir, "openapi.json");
writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
const result = spawnSync("redocly", ["lint", "--extends=recommended-strict", "--max-problems=100", file], { stdio: "inherit" });
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);

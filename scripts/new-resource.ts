// `npm run new:resource -- projects [--singular project]`: writes a working tenant-owned
// resource from scripts/resource-template/ and registers it where the app derives it from,
// then generates its migration. docs/guides/add-a-tenant-owned-resource.md explains each piece.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const templates = path.join(root, "scripts/resource-template");

function fail(message: string): never {
  console.error(`new:resource: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const key = args.find((a) => !a.startsWith("--"));
const singularFlag = args.indexOf("--singular");
const dryRun = args.includes("--dry-run");
if (!key) fail("name the resource in the plural, e.g. npm run new:resource -- projects");
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(key)) fail(`"${key}" must be lowercase words joined by hyphens, like projects or support-tickets`);
const singular = singularFlag >= 0 ? args[singularFlag + 1] : key.replace(/ies$/, "y").replace(/(ss|x|ch|sh)es$/, "$1").replace(/s$/, "");
if (!singular || singular === key || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(singular)) fail(`give the singular of "${key}": --singular <word>`);

const words = (name: string) => name.split("-");
const pascal = (name: string) => words(name).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
const camel = (name: string) => pascal(name)[0]!.toLowerCase() + pascal(name).slice(1);
const sentence = (name: string) => words(name).join(" ");
const title = (name: string) => sentence(name)[0]!.toUpperCase() + sentence(name).slice(1);

// Longest first: __One__ must not be taken for a prefix of __OneTitle__.
const names: [string, string][] = (
  [
    ["__OnePascal__", pascal(singular)],
    ["__ManyPascal__", pascal(key)],
    ["__OneTitle__", title(singular)],
    ["__ManyTitle__", title(key)],
    ["__oneCamel__", camel(singular)],
    ["__manyCamel__", camel(key)],
    ["__One__", pascal(singular)],
    ["__Many__", pascal(key)],
    ["__one__", sentence(singular)],
    ["__many__", sentence(key)],
    ["__table__", words(key).join("_")],
    ["__event__", words(singular).join("_")],
    ["__oneKey__", singular],
    ["__key__", key],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);
const fill = (text: string) => names.reduce((out, [from, to]) => out.replaceAll(from, to), text);

const reserved = ["members", "activity", "api-keys", "webhooks", "billing", "settings", "workspace", "invitations", "webhook-endpoints", "customers"];
if (reserved.includes(key)) fail(`"${key}" is taken by the app itself`);
if (existsSync(path.join(root, "lib", key))) fail(`lib/${key} already exists`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const written: string[] = [];
function write(relative: string, text: string) {
  const target = path.join(root, relative);
  if (existsSync(target)) fail(`${relative} already exists`);
  written.push(relative);
  if (dryRun) return;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

const edited: string[] = [];
/** Inserts `line` after the line matching `after` (the last one, unless `first`). */
function insert(relative: string, after: RegExp, line: string, first = false) {
  const file = path.join(root, relative);
  const lines = readFileSync(file, "utf8").split("\n");
  const at = first ? lines.findIndex((l) => after.test(l)) : lines.findLastIndex((l) => after.test(l));
  if (at < 0) fail(`${relative}: no line matches ${after}; add this yourself: ${line}`);
  lines.splice(at + 1, 0, line);
  if (!dryRun) writeFileSync(file, lines.join("\n"));
  if (!edited.includes(relative)) edited.push(relative);
}

for (const file of filesUnder(templates)) {
  write(fill(path.relative(templates, file)).replace(/\.tmpl$/, ""), fill(readFileSync(file, "utf8")));
}

const resource = `${camel(key)}Resource`;
// An object key as TypeScript writes it: projects, "support-tickets".
const prop = /^[a-z][a-zA-Z0-9]*$/.test(key) ? key : JSON.stringify(key);
const api = `${camel(key)}Api`;
insert("db/schema/index.ts", /^export \* from /, `export * from "./${key}";`);
insert("db/resources.ts", /^import /, `import { ${resource} } from "./schema/${key}-resource";`);
{
  // RESOURCES = [a, b] as const: the new one goes last.
  const file = path.join(root, "db/resources.ts");
  const text = readFileSync(file, "utf8");
  const next = text.replace(/(export const RESOURCES = \[)([^\]]*)\] as const;/, (_m, head: string, list: string) => `${head}${list.trim()}, ${resource}] as const;`);
  if (next === text) fail(`db/resources.ts: add ${resource} to RESOURCES`);
  if (!dryRun) writeFileSync(file, next);
}
insert("db/resource-tables.ts", /^import /, `import { ${camel(key)} } from "./schema/${key}";`);
insert("db/resource-tables.ts", /^ {2}[a-zA-Z"-]+(: \w+)?,$/, prop === camel(key) ? `  ${prop},` : `  ${prop}: ${camel(key)},`);
insert("lib/api/resources.ts", /^import .* from "\.\/customers";$/, `import { ${api} } from "@/lib/${key}/api";`, true);
insert("lib/api/resources.ts", /^ {2}[a-zA-Z"-]+: \w+Api,$/, `  ${prop}: ${api},`);
{
  // Each plan limits the new resource as it limits customers, until you choose otherwise.
  const file = path.join(root, "lib/plans/plans.ts");
  const text = readFileSync(file, "utf8");
  const next = text.replace(/limits: \{([^}]*)\bcustomers: ([^,}]+)([^}]*)\}/g, (_m, before: string, max: string, after: string) => `limits: {${before}customers: ${max}, ${prop}: ${max}${after}}`);
  if (next === text) fail(`lib/plans/plans.ts: add "${key}": <number or null> to every plan's limits`);
  if (!dryRun) writeFileSync(file, next);
  edited.push("lib/plans/plans.ts");
}

if (!dryRun) {
  execFileSync("npx", ["drizzle-kit", "generate", "--name", key.replaceAll("-", "_")], { cwd: root, stdio: "inherit" });
}

console.log(`\nWrote ${written.length} files:\n${written.map((f) => `  ${f}`).join("\n")}`);
console.log(`Registered it in:\n${edited.map((f) => `  ${f}`).join("\n")}`);
console.log(`And a migration in db/migrations/. Next: npm run typecheck && npm test -- lib/${key} app/api/v1/${key}, then open /t/<your workspace>/${key}.`);

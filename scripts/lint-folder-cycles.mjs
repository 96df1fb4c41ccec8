// `npm run lint:cycles` (after madge): no cycle between the feature folders of lib/ either.
// madge sees cycles of files; two folders can still depend on each other through different
// files (lib/a/x.ts -> lib/b/y.ts, lib/b/z.ts -> lib/a/w.ts). Type-only imports count too:
// they tie the folders' designs together just the same.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const lib = path.join(import.meta.dirname, "..", "lib");
const edges = new Map(); // "from -> to" -> files that make it

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      const from = path.relative(lib, full).split(path.sep)[0];
      for (const [, to] of readFileSync(full, "utf8").matchAll(/from\s+["']@\/lib\/([^/"']+)/g)) {
        if (to === from) continue;
        const key = `${from} -> ${to}`;
        edges.set(key, [...(edges.get(key) ?? []), path.relative(lib, full)]);
      }
    }
  }
}
walk(lib);

const next = new Map();
for (const key of edges.keys()) {
  const [from, to] = key.split(" -> ");
  next.set(from, [...(next.get(from) ?? []), to]);
}

// Tarjan's strongly connected components: any with two folders or more is a cycle.
let index = 0;
const stack = [];
const onStack = new Set();
const order = new Map();
const low = new Map();
const cycles = [];
function visit(v) {
  order.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of next.get(v) ?? []) {
    if (!order.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), order.get(w)));
  }
  if (low.get(v) === order.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
}
for (const v of next.keys()) if (!order.has(v)) visit(v);

if (cycles.length === 0) {
  console.log("✔ No cycle between lib folders.");
} else {
  for (const cycle of cycles) {
    console.error(`✖ lib folders that depend on each other: ${cycle.sort().join(", ")}`);
    for (const [key, files] of edges) {
      const [from, to] = key.split(" -> ");
      if (cycle.includes(from) && cycle.includes(to)) console.error(`  ${key}: ${[...new Set(files)].join(", ")}`);
    }
  }
  console.error("Move the shared part down into the folder both can import (see docs/decisions/0023-no-import-cycles.md).");
  process.exit(1);
}

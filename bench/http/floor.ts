// Starts the floor server (floor-server.ts) as its own plain `node` process: compiled to
// JavaScript first, so that no TypeScript loader sits in the process it measures (tsx
// adds ~30 MB of RSS). The output goes to node_modules/.cache, where `postgres` resolves.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { startChild, type Child } from "./processes";

export function startFloorServer(benchRoot: string, env: NodeJS.ProcessEnv): Child {
  const source = readFileSync(path.join(benchRoot, "bench", "http", "floor-server.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const dir = path.join(benchRoot, "node_modules", ".cache", "bench-http");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "floor-server.mjs");
  writeFileSync(file, outputText);
  return startChild("floor server", process.execPath, [file], { cwd: benchRoot, env });
}

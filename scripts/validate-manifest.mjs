#!/usr/bin/env node
// Offline structural check of the add-in manifest (office-addin-manifest
// validate needs Microsoft's web service). The rules live in
// scripts/lib/manifest-check.ts (also used by the jest tests), loaded here
// through tsx. xmllint, when installed, adds a second well-formedness opinion.
//
//   node scripts/validate-manifest.mjs [manifest.xml] [--base-url URL] [--root DIR]
//
// --root: folder the manifest's files are served from (default: the manifest's
// folder), used to check that icons exist. --base-url: URL that folder is
// served at (default: the folder of <DefaultSettings><SourceLocation>).
// Prints each problem and exits 1 on any.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { tsImport } from "tsx/esm/api";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  if (!value) {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  return value;
};
const baseUrl = option("--base-url");
const rootOpt = option("--root");
const file = resolve(args[0] ?? "manifest.xml");
const shown = relative(process.cwd(), file) || file;
const root = resolve(rootOpt ?? dirname(file));

if (!existsSync(file)) {
  console.error(`${shown}: no such file`);
  process.exit(1);
}

const { checkManifest, formatProblem } = await tsImport("./lib/manifest-check.ts", import.meta.url);

const readFile = (rel) => {
  const p = resolve(root, rel);
  if (!p.startsWith(root + sep) || !existsSync(p)) return null;
  return readFileSync(p);
};

const problems = checkManifest(readFileSync(file, "utf8"), { readFile, baseUrl });

const lint = spawnSync("xmllint", ["--noout", "--nonet", file], { encoding: "utf8" });
if (!lint.error && lint.status !== 0) {
  problems.push({ line: null, message: `xmllint: ${(lint.stderr || "").trim() || `exit ${lint.status}`}` });
}

for (const p of problems) console.error(formatProblem(shown, p));
if (problems.length > 0) {
  console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log(`${shown}: OK (well-formed${lint.error ? "" : ", xmllint clean"}; ids, strings, URLs, shared runtime, RISK namespace and icons checked)`);

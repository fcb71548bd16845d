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
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";

const USAGE = "usage: npm run validate -- [manifest.xml] [--base-url URL] [--root DIR]";
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { "base-url": { type: "string" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
} catch (e) {
  console.error(`validate: ${e.message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(
    `${USAGE}\n\nOffline structural check of the add-in manifest: ids, resources, string lengths, https URLs,\nshared runtime, RISK namespace and icons. --root: folder the manifest's files are served from\n(default: the manifest's folder); --base-url: URL that folder is served at.`,
  );
  process.exit(0);
}
if (parsed.positionals.length > 1) {
  console.error(`validate: one manifest at a time, got ${parsed.positionals.length}\n${USAGE}`);
  process.exit(2);
}
const args = parsed.positionals;
const baseUrl = parsed.values["base-url"];
const rootOpt = parsed.values.root;
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
console.log(
  `${shown}: OK (well-formed${lint.error ? "" : ", xmllint clean"}; ids, strings, URLs, shared runtime, RISK namespace and icons checked)`,
);

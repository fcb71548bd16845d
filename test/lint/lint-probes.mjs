// Lints in-memory probe files with the project's ESLint config (run by boundaries.test.ts in a child process,
// because ESLint loads eslint.config.mjs as an ES module, which Jest's CommonJS sandbox cannot).
// stdin: JSON [{ filePath, code }]; stdout: JSON [{ filePath, rules: [ruleId…] }].
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";

const probes = JSON.parse(readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const p of probes) {
  const [result] = await eslint.lintText(p.code, { filePath: p.filePath });
  out.push({ filePath: p.filePath, rules: result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`) });
}
process.stdout.write(JSON.stringify(out));

/** Child process of bench/cli.ts: one `npm run score` run, then its own time and peak memory as a BENCH line. */
import { main } from "../scripts/score";

const start = performance.now();
void main(process.argv.slice(2), "2026-11-22", { log: () => undefined, error: () => undefined }).then((code) => {
  const ms = performance.now() - start;
  // resourceUsage().maxRSS is in kilobytes (peak resident set size of this process).
  console.log(`BENCH ${JSON.stringify({ code, ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}`);
});

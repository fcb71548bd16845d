/**
 * Jest's stand-in for src/taskpane/calibrate/fit-worker-url.ts (Jest cannot
 * read `import.meta`): starts whatever `Worker` the test installed globally.
 */
export function startFitWorker(): Worker {
  return new Worker("fit-worker.js", { name: "fit-worker" });
}

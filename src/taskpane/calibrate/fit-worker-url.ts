/**
 * Starts the fit worker. Webpack 5 sees `new Worker(new URL(…, import.meta.url))`
 * and emits the worker as its own chunk (named fit-worker, dist/fit-worker.js)
 * next to the bundles, so it loads from the add-in's own origin (no blob, no
 * CDN). Throws where workers cannot start (e.g. the workbench opened from
 * file://); the caller then fits in the pane's own thread. Tests map this
 * module to test/stubs/fit-worker-url.ts (Jest cannot read import.meta).
 */
export function startFitWorker(): Worker {
  return new Worker(new URL("./fit.worker.ts", import.meta.url), { name: "fit-worker" });
}

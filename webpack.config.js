/* CreditSentinel build.
 *
 * Output (dist/):
 *   taskpane.html  the one page of the shared runtime: Excel loads it for the
 *                  task pane AND for the custom functions (manifest <Runtime>,
 *                  <Page>, <FunctionFile> all point here).
 *   functions.js   custom functions + the webpack runtime + every module that
 *                  both entries use (the engine): the manifest's <Script>.
 *   taskpane.js    React/Fluent UI task pane; `dependOn: "functions"`, so
 *                  modules already in functions.js are never bundled twice.
 *   functions.json generated from src/functions/functions.ts JSDoc by
 *                  custom-functions-metadata-plugin (which also appends the
 *                  CustomFunctions.associate(...) calls).
 *   manifest.xml   copied; in production https://localhost:3000/ becomes the
 *                  base URL from env ADDIN_BASE_URL or npm config prod_base_url.
 *   assets/        icons.
 *   workbench.html the review without Excel (no office.js): its own entry
 *   workbench/     workbench.js, and the chunks it loads when needed:
 *                  exceljs.js (the .xlsx library) and sample.js (the sample
 *                  workbook, inlined). Nothing of it is in the add-in's
 *                  bundles. The page works from any static host, and opened
 *                  from disk (file://) too.
 *
 * `webpack serve --env workbench` (npm run workbench) builds only the
 * workbench and serves it over plain http on the loopback interface
 * (http://127.0.0.1:3001/workbench.html): it needs no Office, so no
 * certificate to trust, and a loopback origin is a secure context for the
 * browser.
 *
 * office.js is never bundled: taskpane.html loads it from Microsoft's CDN
 * (required by AppSource) and the package is declared external.
 * Production builds ship no source maps (they would embed local source paths
 * and the full sources); development builds use separate .map files.
 */
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");
const { localizeFunctions } = require("./scripts/build/localize-functions.js");

const DEV_BASE_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const dist = path.resolve(__dirname, "dist");

/** The production base URL: env ADDIN_BASE_URL, else npm config prod_base_url. Throws when invalid. */
function productionBaseUrl() {
  const candidates = [
    ["environment variable ADDIN_BASE_URL", process.env.ADDIN_BASE_URL],
    ["npm config prod_base_url", process.env.npm_package_config_prod_base_url],
    ["package.json config.prod_base_url", pkg.config && pkg.config.prod_base_url],
  ];
  const [source, value] = candidates.find(([, v]) => typeof v === "string" && v.trim() !== "") || ["", ""];
  const fail = (why) => {
    throw new Error(
      `Production base URL ${source ? `from ${source} ` : ""}${JSON.stringify(value)} ${why}. ` +
        'Set ADDIN_BASE_URL (or "config.prod_base_url" in package.json) to an https URL ending in "/", ' +
        "e.g. ADDIN_BASE_URL=https://addins.example.com/creditsentinel/ npm run build",
    );
  };
  if (!value) fail("is missing");
  let url;
  try {
    url = new URL(value);
  } catch {
    fail("is not a valid URL");
  }
  if (url.protocol !== "https:") fail("must use https");
  if (!value.endsWith("/")) fail('must end with "/"');
  if (url.search || url.hash) fail("must not contain a query or fragment");
  return value;
}

/** SupportUrl from the manifest: the task pane links to its docs/functions.md. */
function supportUrl() {
  const xml = fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8");
  const m = /<SupportUrl\s+DefaultValue="([^"]+)"/.exec(xml);
  if (!m) throw new Error("manifest.xml has no <SupportUrl DefaultValue=...>");
  return m[1];
}

/** Replaces every dev URL in the manifest; fails if any localhost URL survives. */
function rewriteManifest(content, baseUrl) {
  const out = content.toString().split(DEV_BASE_URL).join(baseUrl);
  if (/https?:\/\/localhost[:/]/.test(out)) {
    throw new Error(`manifest.xml still contains a localhost URL after rewriting ${DEV_BASE_URL} to ${baseUrl}`);
  }
  return out;
}

/**
 * Emits functions.zh-CN.json (Chinese descriptions and argument help; same ids
 * and names) next to the generated functions.json. The manifest points zh-CN
 * Excel at it with a <bt:Override>. A missing translation fails the build.
 */
class LocalizedFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin reported its own error
          const help = JSON.parse(fs.readFileSync(path.join(__dirname, "src/functions/help.zh-CN.json"), "utf8"));
          const { metadata, problems } = localizeFunctions(JSON.parse(asset.source.source().toString()), help);
          problems.forEach((p) => compilation.errors.push(new webpack.WebpackError(`src/functions/help.zh-CN.json: ${p}`)));
          compilation.emitAsset("functions.zh-CN.json", new webpack.sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

/**
 * Content-Security-Policy of workbench.html: its own scripts, styles and
 * images, no connections, no forms, no frames. Pages opened from disk have no
 * origin for 'self', hence file:. The dev server's live reload needs its
 * loopback websocket.
 */
function workbenchCsp(dev, workbenchPort) {
  const connect = dev ? `'self' ws://127.0.0.1:${workbenchPort} ws://localhost:*` : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self' file:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' file: data: blob:",
    "font-src 'self' file: data:",
    `connect-src ${connect}`,
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  // `--env workbench`: only the workbench page, served over http on the loopback interface (npm run workbench).
  const workbenchOnly = Boolean(env.workbench);
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl();
  const port = Number(process.env.npm_package_config_dev_server_port || (pkg.config && pkg.config.dev_server_port) || 3000);
  const workbenchPort = Number(process.env.npm_package_config_workbench_port || (pkg.config && pkg.config.workbench_port) || 3001);

  let httpsOptions;
  if (env.WEBPACK_SERVE && !workbenchOnly) {
    const certs = await import("./scripts/lib/dev-certs.mjs");
    await certs.ensureDevCerts();
    httpsOptions = certs.readHttpsOptions();
  }

  const workbenchEntry = { import: "./src/taskpane/workbench/index.tsx", filename: "workbench/workbench.js" };
  const workbenchHtml = new HtmlWebpackPlugin({
    filename: "workbench.html",
    template: "./src/taskpane/workbench/workbench.html",
    chunks: ["workbench"],
    templateParameters: { csp: workbenchCsp(dev, workbenchPort) },
  });
  const define = new webpack.DefinePlugin({
    __APP_VERSION__: JSON.stringify(pkg.version),
    __SUPPORT_URL__: JSON.stringify(supportUrl()),
  });

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: workbenchOnly
      ? { workbench: workbenchEntry }
      : {
          // The portfolio engine and the calibration modules the pane uses join the functions chunk so all
          // engine code lives in one bundle (the pane depends on it); e2e checks engine literals appear once.
          functions: [
            "./src/functions/functions.ts",
            "./src/engine/portfolio/index.ts",
            "./src/engine/calibration/history-fit.ts",
            "./src/engine/calibration/labels.ts",
            "./src/engine/calibration/monitor.ts",
            "./src/engine/calibration/stored-model.ts",
          ],
          taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
          // A page of its own (no custom functions runtime): it bundles what it uses.
          workbench: workbenchEntry,
        },
    output: { path: workbenchOnly ? path.join(dist, "workbench-dev") : dist, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // `npm run typecheck` type-checks the whole tree; the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { sourceMap: dev } },
          },
        },
        // The sample workbook the workbench opens first, inlined into its lazy chunk.
        { test: /\.xlsx$/, type: "asset/inline" },
      ],
    },
    // The code uses the global `Office`; never bundle the 86 MB package by accident.
    externals: { "@microsoft/office-js": "Office" },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
      // The workbench's lazy chunks (exceljs, the inlined sample) load only on that page, when needed.
      assetFilter: (name) => name.endsWith(".js") && !/^workbench\/(exceljs|sample)\.js$/.test(name),
    },
    plugins: workbenchOnly
      ? [define, workbenchHtml, new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] })]
      : [
          new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
          new LocalizedFunctionsPlugin(),
          define,
          new HtmlWebpackPlugin({
            filename: "taskpane.html",
            template: "./src/taskpane/taskpane.html",
            chunks: ["functions", "taskpane"],
            templateParameters: { officeJsUrl: OFFICE_JS_CDN },
          }),
          workbenchHtml,
          new CopyWebpackPlugin({
            patterns: [
              { from: "assets/*.png", to: "assets/[name][ext]" },
              { from: "manifest.xml", to: "manifest.xml", transform: (content) => (dev ? content : rewriteManifest(content, baseUrl)) },
            ],
          }),
        ],
    devServer: workbenchOnly
      ? {
          host: "127.0.0.1",
          port: workbenchPort,
          server: "http",
          static: false,
          client: { overlay: { errors: true, warnings: false } },
        }
      : {
          host: "localhost",
          port,
          server: { type: "https", options: httpsOptions },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: { directory: dist, watch: false },
          // Live reload connects back to the page's own origin (https://localhost:3000 or the loopback http port).
          client: { overlay: { errors: true, warnings: false }, webSocketURL: "auto://0.0.0.0:0/ws" },
          // The same files over plain http on the loopback interface, for the workbench
          // (npm start on a machine without Excel): no certificate to trust.
          onListening: (devServer) => serveLoopbackHttp(devServer, workbenchPort),
        },
  };
};

/**
 * Serves the dev server's app (the in-memory build) on http://127.0.0.1:<port>
 * too, with its live-reload websocket. A busy port is reported, not fatal:
 * the https server keeps running.
 */
function serveLoopbackHttp(devServer, loopbackPort) {
  const server = require("http").createServer(devServer.app);
  server.on("upgrade", (req, socket, head) => {
    const wss = devServer.webSocketServer && devServer.webSocketServer.implementation;
    if (!wss || !wss.shouldHandle(req)) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (connection) => wss.emit("connection", connection, req));
  });
  server.on("error", (err) => console.error(`Workbench on http://127.0.0.1:${loopbackPort}/ not available: ${err.message}`));
  server.listen(loopbackPort, "127.0.0.1");
  devServer.compiler.hooks.shutdown.tap("LoopbackHttp", () => server.close());
}

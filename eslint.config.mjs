// Flat ESLint config: TypeScript rules everywhere, architecture rules per layer.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";

/**
 * The layers and what each may import (docs: README "Layout"). Zones are resolved paths, so they hold for a
 * file at any depth: src/engine/scoring/x.ts importing "../../taskpane/y" is caught like a top-level file.
 */
const LAYER_ZONES = [
  {
    target: "./src/engine",
    from: ["./src/functions", "./src/excel", "./src/taskpane", "./scripts", "./bench", "./test"],
    message: "The engine is pure: it imports only the engine.",
  },
  {
    target: "./src/excel",
    from: ["./src/taskpane", "./src/functions", "./scripts", "./bench", "./test"],
    message: "src/excel is Office.js I/O: it may use the engine, never the pane or the functions.",
  },
  {
    target: "./src/functions",
    from: ["./src/taskpane", "./src/excel", "./scripts", "./bench", "./test"],
    message: "The custom functions are thin adapters over the engine.",
  },
  {
    target: "./src/taskpane",
    from: ["./scripts", "./bench", "./test"],
    message: "The pane reaches formulas and files only through the engine and src/excel.",
  },
  // One exception: the shared runtime's "active policy" of the RISK formulas, which the pane sets when the workbook's stored model loads.
  {
    target: "./src/taskpane",
    from: "./src/functions",
    except: ["./active-policy.ts"],
    message: "The pane reaches formulas and files only through the engine and src/excel (it may only set the formulas' active policy).",
  },
  // scripts/fuzz.ts drives the custom-function adapters (with a CustomFunctions stand-in), so src/functions is allowed.
  { target: "./scripts", from: ["./src/taskpane", "./src/excel", "./test"], message: "Scripts run the engine without Office or the pane." },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.js", "**/*.mjs", "!scripts/**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layer boundaries for every file (tests and a lint fixture prove a probe import fails: test/lint/).
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } } },
    rules: { "import-x/no-restricted-paths": ["error", { zones: LAYER_ZONES }] },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // Nothing shipped to the browser may reach the network.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", "fetch", "XMLHttpRequest", "WebSocket", "EventSource"],
    },
  },
  {
    // Office.js is spoken only by src/excel (range I/O, settings, custom XML parts, Office.onReady) and, for
    // CustomFunctions and the display language, by src/functions. The pane and the CLIs reach Excel through
    // src/excel. Probe: test/lint/boundaries.test.ts.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/excel/**", "src/functions/**", "src/engine/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        "fetch",
        "XMLHttpRequest",
        "WebSocket",
        "EventSource",
        "Office",
        "Excel",
        "CustomFunctions",
        "OfficeExtension",
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    ignores: ["src/functions/display-language.ts"],
    rules: {
      "no-restricted-globals": ["error", "fetch", "XMLHttpRequest", "WebSocket", "EventSource", "Office", "Excel", "OfficeExtension"],
    },
  },
  {
    // The engine's modules form no import cycle (a cycle means two modules that cannot be understood apart;
    // shared types go to a third module, e.g. scoring/contribution.ts). Probe: test/lint/boundaries.test.ts.
    files: ["src/engine/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } },
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The engine is pure: no Office, React, DOM or clock.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react*", "@fluentui/*", "office*", "@microsoft/*", "fs", "path", "node:*"] }],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "Office",
        "Excel",
        "CustomFunctions",
        "fetch",
        "XMLHttpRequest",
        "localStorage",
        "WebSocket",
        "EventSource",
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The engine is deterministic: take the as-of date as an argument." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "The engine is deterministic: no current-time Date.",
        },
      ],
    },
  },
);

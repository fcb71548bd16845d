// Flat ESLint config: TypeScript rules everywhere, architecture rules per layer.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.js", "**/*.mjs", "!scripts/**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
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
    // The engine is pure: no Office, React, DOM or clock.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react*", "@fluentui/*", "office*", "@microsoft/*", "../functions/*", "../excel/*", "../taskpane/*", "fs", "path", "node:*"] }],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "CustomFunctions", "fetch", "XMLHttpRequest", "localStorage", "WebSocket", "EventSource"],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "The engine is deterministic: take the as-of date as an argument." }],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The engine is deterministic: no current-time Date." }],
    },
  },
);

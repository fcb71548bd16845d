/** Jest projects: pure engine/adapters (node), React components (jsdom), and the built add-in in headless Chromium (e2e). */
const tsJest = [
  "ts-jest",
  {
    diagnostics: false, // `npm run typecheck` type-checks; ts-jest only transpiles
    tsconfig: {
      module: "commonjs",
      moduleResolution: "node",
      jsx: "react-jsx",
      esModuleInterop: true,
      resolveJsonModule: true,
      isolatedModules: true,
    },
  },
];
const shared = {
  transform: { "^.+\\.(ts|tsx)$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // office-addin-mock -> office-addin-manifest -> ESM-only strip-bom: map it to a tiny local stub.
  // The fit worker's URL module uses import.meta (webpack): tests start the Worker they install globally instead.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    "^\\./fit-worker-url$": "<rootDir>/test/stubs/fit-worker-url.ts",
  },
};
module.exports = {
  // One limit for every test (Jest reads testTimeout only at the top level, not per project). The jsdom flow
  // tests wait for elements up to Testing Library's asyncUtilTimeout (15 s, test/setup-dom.ts); on a busy
  // 2-core machine a flow takes several seconds, so each test gets 60 s, well above the longest wait it holds.
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
      setupFiles: ["<rootDir>/test/functions/custom-functions-global.ts"],
    },
    {
      ...shared,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup-dom.ts"],
    },
    { ...shared, displayName: "e2e", testEnvironment: "node", testMatch: ["<rootDir>/test/e2e/**/*.test.ts"] },
  ],
};

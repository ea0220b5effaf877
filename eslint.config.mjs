import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const NEXT_GLUE =
  "lib/ outside lib/server must not depend on Next: put the request glue in lib/server/ and keep the logic here.";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "playwright-report/**",
      "test-results/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Domain code stays plain TypeScript, callable from a CLI, a test or a background loop: whatever
    // needs Next (cookies, headers, redirect, cache, NextRequest) lives in lib/server (docs/ARCHITECTURE.md).
    files: ["lib/**"],
    ignores: ["lib/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next", message: NEXT_GLUE }],
          patterns: [{ regex: "^next/", message: NEXT_GLUE }],
        },
      ],
    },
  },
];
export default config;

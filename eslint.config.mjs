import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const NEXT_GLUE =
  "lib/ outside lib/server must not depend on Next: put the request glue in lib/server/ and keep the logic here.";

const LOCALE_LINK =
  "use Link from @/i18n/navigation: it keeps the page's language in the URL (/zh/…); next/link would send a Chinese reader to the English page.";

const SHOP_FORMATTER =
  "format dates and numbers with next-intl (getFormatter() / useFormatter(), or shopFormatter from lib/i18n/format.ts outside a request): these use the server's own time zone and the runtime's default locale.";

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
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: LOCALE_LINK }] }],
    },
  },
  {
    // Dates in the shop's time zone (TIME_ZONE) and the page's language, the same on the server and in the
    // browser: only lib/i18n/format.ts builds date formats. A syntax rule cannot tell a Date's
    // toLocaleString from a number's, so both are refused (numbers have format.number).
    files: ["app/**", "components/**", "lib/**", "i18n/**"],
    ignores: ["lib/i18n/format.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message: SHOP_FORMATTER,
        },
        {
          selector: "CallExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message: SHOP_FORMATTER,
        },
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message: SHOP_FORMATTER,
        },
      ],
    },
  },
];
export default config;

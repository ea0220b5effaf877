import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT } from "./lib/request-guard";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files relative to its own module, and pg has optional
  // native bindings: both must stay real Node modules rather than be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "bcryptjs"],
  poweredByHeader: false,
  // Community works upload images of up to 8 MB (lib/uploads checks the real limit); the form adds text.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT } },
  // Lets several builds of one checkout live side by side (parallel work, e2e against a fresh build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default withNextIntl(nextConfig);

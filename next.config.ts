import path from "node:path";
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
  // Next's own data cache, with invalidations shared through PostgreSQL so every instance drops an
  // edited campaign within a second (lib/server/cache-handler.mjs).
  cacheHandler: path.resolve("lib/server/cache-handler.mjs"),
  // The container image (Dockerfile) runs the traced, self-contained server; `next start` (development,
  // tests) keeps the ordinary output, since it warns against the standalone one.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // NEXT_DEPLOYMENT_ID, read by Next itself at build time, tags assets and navigations with the release,
  // so a browser holding pages of an older release reloads instead of calling actions that moved.
};

export default withNextIntl(nextConfig);

import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; in tests every module is server code.
      "server-only": path.resolve(import.meta.dirname, "test/stubs/empty.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    // Each file's own scratch folder for uploads, file mail and a stray embedded database (never .data/).
    setupFiles: ["test/file-dirs.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every file owns its database (test/fresh-db.ts), its scratch folder and, in its own process, its
    // module singletons (getDb's handle, the payment provider): files run side by side. Vitest's default
    // (one worker fewer than the CPUs) would be a single worker on a 2-core machine.
    fileParallelism: true,
    pool: "forks",
    maxWorkers: 2,
    // Both import "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth", "next-intl"] } },
  },
});

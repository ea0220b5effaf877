import { defineConfig } from "vitest/config";
import os from "node:os";
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
    // Uploads written by tests go to a scratch folder, never into the developer's .data/uploads.
    env: { UPLOAD_DIR: path.join(os.tmpdir(), "atelier-test-uploads") },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests share one database per run; files run one after another against it.
    fileParallelism: false,
    server: { deps: { inline: ["next-auth"] } },
  },
});

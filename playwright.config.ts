import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * E2E journeys against a production build (`next start`) on the embedded database, created fresh for
 * the run by scripts/test-all.sh (E2E_PGLITE_DIR). Playwright cannot download browsers on these machines,
 * so the system Chromium is used when present; elsewhere Playwright's own browser is.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
/** Where the server under test writes its mail (specs read E2E_MAIL_DIR with the same default). */
const E2E_MAIL_DIR = process.env.E2E_MAIL_DIR ?? ".data/e2e-mail";
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
// A production server refuses to start without strong secrets (lib/server-start.ts): each run gets fresh
// ones. Set on process.env so the workers, which load this file again, see the same values.
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_EXPERIMENT_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_ACTIONS_KEY ??= randomBytes(32).toString("base64");
// Signs the simulated payment provider's webhooks; e2e/payments.spec.ts signs replays with it.
process.env.E2E_SIM_PAYMENT_SECRET ??= randomBytes(32).toString("base64url");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One output folder per build, so runs of different builds side by side do not clobber each other.
  outputDir: `test-results/${process.env.NEXT_DIST_DIR ?? ".next"}`,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    locale: "en-US",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx next start --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      // Test uploads stay out of the dev server's .data/uploads.
      UPLOAD_DIR: process.env.E2E_UPLOAD_DIR ?? ".data/e2e-uploads",
      // Mail written by the server under test (no SMTP_URL): specs read it from the same folder.
      MAIL_DIR: E2E_MAIL_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.E2E_AUTH_SECRET,
      EXPERIMENT_SECRET: process.env.E2E_EXPERIMENT_SECRET,
      SIM_PAYMENT_SECRET: process.env.E2E_SIM_PAYMENT_SECRET,
      // The journeys pay on the simulated provider, which production refuses unless asked for (lib/secrets.ts).
      ALLOW_SIMULATED_PAYMENTS: "true",
      SITE_URL: `http://127.0.0.1:${PORT}`,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.E2E_ACTIONS_KEY,
      NEXT_DEPLOYMENT_ID: process.env.NEXT_DEPLOYMENT_ID ?? "e2e",
      // One server, no separate worker: it runs the background jobs (mail, refreshes) itself, on
      // PostgreSQL too. The cluster test runs `npm run worker` beside two servers instead.
      WORKER_IN_PROCESS: "true",
      // The journeys bring their own customers: no demo population at the embedded database's first start.
      DEMO_POPULATION: "false",
    },
  },
});

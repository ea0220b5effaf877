import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * A production server without its secrets does not serve: `next start` of the build under test exits
 * non-zero at start with one line naming each missing variable (lib/server-start.ts). Costs about a
 * second: the check runs before the first request.
 */

const PORT = Number(process.env.E2E_PORT ?? 3210) + 1;

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const base = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) =>
          ![
            "AUTH_SECRET",
            "EXPERIMENT_SECRET",
            "SIM_PAYMENT_SECRET",
            "SITE_URL",
            "DATABASE_URL",
            "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
            "NEXT_DEPLOYMENT_ID",
          ].includes(k),
      ),
    );
    const child = spawn("npx", ["next", "start", "--port", String(PORT)], {
      env: {
        ...base,
        NODE_ENV: "production",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
        PGLITE_DIR: ".data/e2e-no-secrets",
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    // A server that does start would serve forever: stop it, the test then fails on the exit code.
    const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("next start refuses to run without secrets, naming each variable", async () => {
  const { code, output } = await start({});
  expect(code).not.toBe(0);
  const line = output.split("\n").find((l) => l.includes("refuses to start")) ?? "";
  expect(line).toContain("AUTH_SECRET is not set");
  expect(line).toContain("EXPERIMENT_SECRET is not set");
  expect(line).toContain("SITE_URL is not set");
  // Several instances must agree on these (lib/secrets.ts); production requires them even for one.
  expect(line).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set");
  expect(line).toContain("NEXT_DEPLOYMENT_ID is not set");
  // The simulated payment provider's webhook secret: whoever knows it can mark orders paid.
  expect(line).toContain("SIM_PAYMENT_SECRET is not set");
});

test("next start refuses the old public default and a short secret", async () => {
  const { code, output } = await start({
    AUTH_SECRET: "atelier-dev-secret-change-me-in-production",
    EXPERIMENT_SECRET: "only-twenty-chars-ok",
    SITE_URL: "http://127.0.0.1",
  });
  expect(code).not.toBe(0);
  expect(output).toMatch(/AUTH_SECRET looks like a default or placeholder value/);
  expect(output).toMatch(/EXPERIMENT_SECRET is shorter than 32 characters/);
  expect(output).not.toMatch(/SITE_URL/);
});

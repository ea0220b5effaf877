import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localSecrets, productionConfigProblems, resolveSecrets, secretProblem } from "./secrets";

const strong = "q8Vd0kR3mXzL7pT2wYb9Nc4Hf6Js1Ae5Gu0Io";
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atelier-secrets-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("secretProblem", () => {
  it("accepts 32+ random characters", () => {
    expect(secretProblem(strong)).toBeNull();
  });
  it("names what is wrong with a weak value", () => {
    expect(secretProblem(undefined)).toBe("missing");
    expect(secretProblem("   ")).toBe("missing");
    expect(secretProblem("atelier-dev-secret-change-me-in-production")).toBe("default");
    expect(secretProblem("atelier-dev-experiment-secret-change-me")).toBe("default");
    expect(secretProblem("please-changeme-before-going-live-ok")).toBe("default");
    expect(secretProblem("a".repeat(64))).toBe("default");
    expect(secretProblem("ababababababababababababababababab")).toBe("default");
    expect(secretProblem("Zq8Vd0kR3mXzL7pT2wYb9Nc4")).toBe("short");
  });
});

describe("productionConfigProblems", () => {
  it("is empty for a good configuration", () => {
    expect(
      productionConfigProblems({
        AUTH_SECRET: strong,
        EXPERIMENT_SECRET: strong.split("").reverse().join(""),
        SIM_PAYMENT_SECRET: strong,
        ALLOW_SIMULATED_PAYMENTS: "true",
        SITE_URL: "https://atelier.example",
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        NEXT_DEPLOYMENT_ID: "a1b2c3d",
      }),
    ).toEqual([]);
  });
  it("refuses the simulated provider, which takes no money, unless ALLOW_SIMULATED_PAYMENTS=true", () => {
    const base = {
      AUTH_SECRET: strong,
      EXPERIMENT_SECRET: strong,
      SIM_PAYMENT_SECRET: strong,
      SITE_URL: "https://atelier.example",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      NEXT_DEPLOYMENT_ID: "a1b2c3d",
    };
    const refused = [expect.stringMatching(/^PAYMENT_PROVIDER is simulated .*ALLOW_SIMULATED_PAYMENTS=true/)];
    expect(productionConfigProblems(base)).toEqual(refused);
    expect(productionConfigProblems({ ...base, PAYMENT_PROVIDER: "simulated" })).toEqual(refused);
    expect(productionConfigProblems({ ...base, ALLOW_SIMULATED_PAYMENTS: "false" })).toEqual(refused);
    expect(productionConfigProblems({ ...base, ALLOW_SIMULATED_PAYMENTS: "true" })).toEqual([]);
    expect(
      productionConfigProblems({ ...base, PAYMENT_PROVIDER: "simulated", ALLOW_SIMULATED_PAYMENTS: "true" }),
    ).toEqual([]);
  });
  it("checks the payment provider's secrets: the simulated one's, or Stripe's keys by their prefixes", () => {
    const base = {
      AUTH_SECRET: strong,
      EXPERIMENT_SECRET: strong,
      SITE_URL: "https://atelier.example",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      NEXT_DEPLOYMENT_ID: "a1b2c3d",
    };
    const simulated = { ...base, ALLOW_SIMULATED_PAYMENTS: "true" };
    expect(productionConfigProblems({ ...simulated, SIM_PAYMENT_SECRET: "secret123" })).toEqual([
      expect.stringMatching(/^SIM_PAYMENT_SECRET looks like a default/),
    ]);
    // With Stripe the simulated provider's secret is not needed, Stripe's keys are.
    const stripe = { ...base, PAYMENT_PROVIDER: "stripe" };
    expect(productionConfigProblems(stripe)).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY is not set/),
      expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is not set/),
    ]);
    expect(
      productionConfigProblems({ ...stripe, STRIPE_SECRET_KEY: "pk_test_abcdefghijkl", STRIPE_WEBHOOK_SECRET: "x" }),
    ).toHaveLength(2);
    expect(
      productionConfigProblems({
        ...stripe,
        STRIPE_SECRET_KEY: "sk_test_51Habcdefghijklmnop",
        STRIPE_WEBHOOK_SECRET: "whsec_abcdefghijklmnopqrstuvwxyz",
      }),
    ).toEqual([]);
    expect(productionConfigProblems({ ...base, SIM_PAYMENT_SECRET: strong, PAYMENT_PROVIDER: "paypal" })).toEqual([
      expect.stringMatching(/^PAYMENT_PROVIDER is "paypal"/),
    ]);
  });
  it("gives one line per bad variable, naming it", () => {
    const problems = productionConfigProblems({ AUTH_SECRET: "short-secret", EXPERIMENT_SECRET: undefined });
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatch(/^AUTH_SECRET is shorter than 32 characters/);
    expect(problems[1]).toMatch(/^EXPERIMENT_SECRET is not set/);
    expect(problems[2]).toMatch(/^SIM_PAYMENT_SECRET is not set/);
    expect(problems[3]).toMatch(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/);
    expect(problems[4]).toMatch(/^NEXT_DEPLOYMENT_ID is not set/);
    expect(problems[5]).toMatch(/^SITE_URL is not set/);
    expect(problems[6]).toMatch(/^PAYMENT_PROVIDER is simulated/);
    const good = {
      AUTH_SECRET: strong,
      EXPERIMENT_SECRET: strong,
      SIM_PAYMENT_SECRET: strong,
      ALLOW_SIMULATED_PAYMENTS: "true",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(16, 1).toString("base64"),
      NEXT_DEPLOYMENT_ID: "r42",
    };
    expect(productionConfigProblems({ ...good, SITE_URL: "not a url" })).toEqual(["SITE_URL is not a URL"]);
  });
  it("wants an encryption key Next can use: base64 of an AES key length", () => {
    const base = {
      AUTH_SECRET: strong,
      EXPERIMENT_SECRET: strong,
      SIM_PAYMENT_SECRET: strong,
      ALLOW_SIMULATED_PAYMENTS: "true",
      SITE_URL: "https://a.example",
      NEXT_DEPLOYMENT_ID: "1",
    };
    const keyProblems = (key: string) =>
      productionConfigProblems({ ...base, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).length;
    expect(keyProblems(Buffer.alloc(24, 3).toString("base64"))).toBe(0);
    expect(keyProblems(Buffer.alloc(20, 3).toString("base64"))).toBe(1);
    expect(keyProblems("not base64 at all!")).toBe(1);
    expect(keyProblems(strong)).toBe(1);
  });
});

describe("resolveSecrets", () => {
  it("uses the environment's values when set", () => {
    expect(resolveSecrets({ AUTH_SECRET: "a", EXPERIMENT_SECRET: "b", SIM_PAYMENT_SECRET: "c" }, tempDir())).toEqual({
      AUTH_SECRET: "a",
      EXPERIMENT_SECRET: "b",
      SIM_PAYMENT_SECRET: "c",
    });
  });

  it("gives development one random pair per checkout, kept in the data folder", () => {
    const dir = tempDir();
    const first = resolveSecrets({ NODE_ENV: "development" }, dir);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.AUTH_SECRET).not.toBe(first.EXPERIMENT_SECRET);
    expect(resolveSecrets({ NODE_ENV: "test" }, dir)).toEqual(first);
    expect(JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8"))).toEqual(first);
    // Another checkout, other secrets.
    expect(resolveSecrets({ NODE_ENV: "development" }, tempDir()).AUTH_SECRET).not.toBe(first.AUTH_SECRET);
  });

  it("keeps a set variable and fills only the missing one", () => {
    const dir = tempDir();
    const both = localSecrets(dir);
    expect(resolveSecrets({ AUTH_SECRET: strong }, dir)).toEqual({
      AUTH_SECRET: strong,
      EXPERIMENT_SECRET: both.EXPERIMENT_SECRET,
      SIM_PAYMENT_SECRET: both.SIM_PAYMENT_SECRET,
    });
  });

  it("adds a secret a checkout's file lacks, keeping the ones it has", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "secrets.json"), JSON.stringify({ AUTH_SECRET: strong, EXPERIMENT_SECRET: strong }));
    const first = localSecrets(dir);
    expect(first.AUTH_SECRET).toBe(strong);
    expect(first.SIM_PAYMENT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(localSecrets(dir)).toEqual(first);
  });

  it("never writes or reuses a file in production, and never yields a fixed value", () => {
    const dir = tempDir();
    const a = resolveSecrets({ NODE_ENV: "production" }, dir);
    const b = resolveSecrets({ NODE_ENV: "production" }, dir);
    expect(a.AUTH_SECRET).not.toBe(b.AUTH_SECRET);
    expect(() => readFileSync(path.join(dir, "secrets.json"))).toThrow();
  });

  it("agrees between processes that create the file at the same moment", async () => {
    const dir = tempDir();
    const { execFile } = await import("node:child_process");
    const script = `import(${JSON.stringify(path.resolve("lib/secrets.ts"))}).then((m) => console.log(JSON.stringify(m.localSecrets(process.argv[1]))))`;
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<unknown>((resolve, reject) => {
          execFile(process.execPath, ["--import", "tsx", "-e", script, dir], (error, stdout) =>
            error ? reject(error) : resolve(JSON.parse(stdout)),
          );
        }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r).toEqual(results[0]);
  });
});

import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Signing secrets: where they come from and when they are good enough.
 *
 * Production takes them from the environment and refuses weak ones at start (checkProductionConfig,
 * called from lib/server-start.ts). Development and tests need no set-up: each checkout gets its own
 * random secrets in `.data/secrets.json`, so no value usable against a deployment is ever in the source.
 */

/**
 * SIM_PAYMENT_SECRET signs the simulated payment provider's webhooks (lib/commerce/providers/simulated.ts):
 * anyone who knows it can mark an order paid, so it is a secret like the others, checked in production
 * whenever that provider is the one configured.
 */
export const SECRET_NAMES = ["AUTH_SECRET", "EXPERIMENT_SECRET", "SIM_PAYMENT_SECRET"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export const MIN_SECRET_LENGTH = 32;

/** Values of earlier releases and of tutorials: anyone can read these, so they sign nothing. */
const PUBLIC_DEFAULTS = new Set([
  "atelier-dev-secret-change-me-in-production",
  "atelier-dev-experiment-secret-change-me",
]);
const PLACEHOLDER = /change.?me|changeit|example|placeholder|your.?secret|^(secret|password)\d*$/i;

/** Why a value may not sign production cookies, or null when it may. */
export function secretProblem(value: string | undefined): "missing" | "default" | "short" | null {
  if (value === undefined || value.trim() === "") return "missing";
  if (PUBLIC_DEFAULTS.has(value) || PLACEHOLDER.test(value)) return "default";
  if (value.length < MIN_SECRET_LENGTH) return "short";
  // "aaaa…" or "abababab…" passes the length check but has almost no entropy.
  if (new Set(value).size < 8) return "default";
  return null;
}

const PROBLEM_TEXT = {
  missing: "is not set",
  default: "looks like a default or placeholder value",
  short: `is shorter than ${MIN_SECRET_LENGTH} characters`,
} as const;

/**
 * Everything that stops a production server from starting, as one line per variable; empty when the
 * configuration is good. Reads the raw environment (not the parsed one, which fills in defaults).
 */
export function productionConfigProblems(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const provider = raw.PAYMENT_PROVIDER?.trim() || "simulated";
  // The simulated provider's secret matters only where it is the provider.
  const checked = SECRET_NAMES.filter((name) => name !== "SIM_PAYMENT_SECRET" || provider === "simulated");
  for (const name of checked) {
    const problem = secretProblem(raw[name]);
    if (problem)
      problems.push(
        `${name} ${PROBLEM_TEXT[problem]} (use at least ${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -base64 32\`)`,
      );
  }
  const actionsKey = raw.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (!actionsKey)
    problems.push(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set (the same on every instance, e.g. `openssl rand -base64 32`)",
    );
  else if (!isAesKey(actionsKey))
    problems.push("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64-encoded 16, 24 or 32-byte key");
  if (!raw.NEXT_DEPLOYMENT_ID?.trim())
    problems.push("NEXT_DEPLOYMENT_ID is not set (this release's id, the same on every instance, e.g. the commit)");
  const site = raw.SITE_URL?.trim();
  if (!site) problems.push("SITE_URL is not set (the public address, e.g. https://atelier.example)");
  else if (!URL.canParse(site)) problems.push("SITE_URL is not a URL");
  problems.push(...paymentConfigProblems(raw, provider));
  return problems;
}

/**
 * The simulated provider takes no money: a production shop left on the default would hand out goods for
 * a button press. It runs there only when asked for by name (a demo or staging shop, the end-to-end
 * tests). Stripe's keys are checked by their documented prefixes: a publishable key (pk_) or a test
 * placeholder cannot take payments.
 */
function paymentConfigProblems(raw: Record<string, string | undefined>, provider: string): string[] {
  if (provider === "simulated")
    return raw.ALLOW_SIMULATED_PAYMENTS?.trim().toLowerCase() === "true"
      ? []
      : [
          "PAYMENT_PROVIDER is simulated (the default), which takes no money (set PAYMENT_PROVIDER=stripe with its keys, or ALLOW_SIMULATED_PAYMENTS=true for a demo or staging shop)",
        ];
  if (provider !== "stripe") return [`PAYMENT_PROVIDER is "${provider}" (use simulated or stripe)`];
  const problems: string[] = [];
  const key = raw.STRIPE_SECRET_KEY?.trim();
  if (!key) problems.push("STRIPE_SECRET_KEY is not set (PAYMENT_PROVIDER=stripe)");
  else if (!/^(sk|rk)_(live|test)_[A-Za-z0-9]{10,}$/.test(key))
    problems.push("STRIPE_SECRET_KEY is not a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…)");
  const hook = raw.STRIPE_WEBHOOK_SECRET?.trim();
  if (!hook) problems.push("STRIPE_WEBHOOK_SECRET is not set (the endpoint's signing secret, whsec_…)");
  else if (!/^whsec_[A-Za-z0-9+/=]{16,}$/.test(hook))
    problems.push("STRIPE_WEBHOOK_SECRET is not a webhook signing secret (whsec_…)");
  return problems;
}

/**
 * Next encrypts the variables a Server Action closes over with this key (AES-GCM). Each build makes its own
 * unless one is given, so instances of two builds, or a rolling deploy, could not read each other's
 * actions: several instances need the same key, in standard base64.
 */
function isAesKey(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return [16, 24, 32].includes(Buffer.from(value, "base64").byteLength);
}

function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

function writeSecretsFile(file: string, values: Record<string, string>): string {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, JSON.stringify(values, null, 2) + "\n", { mode: 0o600 });
  return temp;
}

function readSecretsFile(file: string): Partial<Record<SecretName, string>> | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    return parsed && typeof parsed === "object" ? (parsed as Partial<Record<SecretName, string>>) : null;
  } catch {
    return null;
  }
}

/**
 * The per-checkout development secrets, created on first use. Created atomically (written to a file of
 * its own, then hard-linked into place, which fails if another process got there first), so a dev server
 * and a test run starting together read the same values.
 */
export function localSecrets(dir: string): Record<SecretName, string> {
  const file = path.join(dir, "secrets.json");
  let stored = readSecretsFile(file);
  if (!stored) {
    mkdirSync(dir, { recursive: true });
    const fresh = Object.fromEntries(SECRET_NAMES.map((name) => [name, randomSecret()]));
    const temp = writeSecretsFile(file, fresh);
    try {
      linkSync(temp, file);
    } catch {
      // Another process created it first: its values win.
    } finally {
      unlinkSync(temp);
    }
    stored = readSecretsFile(file);
  } else if (SECRET_NAMES.some((name) => typeof stored?.[name] !== "string")) {
    // A checkout from before a secret was added: add it to the file (replaced whole by a rename), so the
    // dev server, the worker and the tests agree on it. Two processes adding at once may each keep their
    // own value until restarted; the last rename wins on disk.
    const merged = { ...Object.fromEntries(SECRET_NAMES.map((name) => [name, randomSecret()])), ...stored };
    renameSync(writeSecretsFile(file, merged), file);
    stored = readSecretsFile(file);
  }
  const out = {} as Record<SecretName, string>;
  for (const name of SECRET_NAMES) {
    const value = stored?.[name];
    // A hand-edited file with a missing entry still yields a usable (per-process) secret.
    out[name] = typeof value === "string" && value.length >= MIN_SECRET_LENGTH ? value : randomSecret();
  }
  return out;
}

/**
 * The secret a process signs with. Set in the environment: that value (production checks it at start).
 * Unset in production (a build, or a server that is about to refuse to start): a random value of this
 * process, so nothing signed with a guessable key is ever accepted. Unset elsewhere: the checkout's file.
 */
export function resolveSecrets(raw: Record<string, string | undefined>, dataDir = ".data"): Record<SecretName, string> {
  const given = Object.fromEntries(
    SECRET_NAMES.map((name) => [name, raw[name]?.trim() ? raw[name] : undefined]),
  ) as Record<SecretName, string | undefined>;
  if (SECRET_NAMES.every((name) => given[name])) return given as Record<SecretName, string>;
  const fallback =
    raw.NODE_ENV === "production"
      ? (Object.fromEntries(SECRET_NAMES.map((name) => [name, randomSecret()])) as Record<SecretName, string>)
      : localSecrets(dataDir);
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, given[name] ?? fallback[name]])) as Record<
    SecretName,
    string
  >;
}

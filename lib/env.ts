import { z } from "zod";
import { databaseEnvSchema } from "@/db/config";
import { isTimeZone } from "./i18n/format";
import { resolveSecrets } from "./secrets";

/**
 * Environment, parsed once. Nothing else reads process.env directly, except db/config.ts, which reads
 * the database variables (DATABASE_URL, PGLITE_DIR) by the same schema so that db/ needs nothing of lib/.
 */
const schema = databaseEnvSchema.extend({
  /**
   * Signing keys of session cookies and experiment assignments, resolved by lib/secrets.ts (a checkout's
   * own random values in development; production refuses to start without strong ones: server-start.ts).
   */
  AUTH_SECRET: z.string(),
  EXPERIMENT_SECRET: z.string(),
  /** Signs the simulated payment provider's webhooks; resolved like the two above (lib/secrets.ts). */
  SIM_PAYMENT_SECRET: z.string(),
  /**
   * Who takes payments (lib/commerce/providers): the built-in simulated provider with its own hosted page,
   * or Stripe Checkout (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET; production checks them at start).
   * Production refuses the simulated one unless ALLOW_SIMULATED_PAYMENTS=true (lib/secrets.ts, at start).
   */
  PAYMENT_PROVIDER: z.enum(["simulated", "stripe"]).default("simulated"),
  /**
   * Where the simulated provider posts its webhooks, as the app and worker reach the shop from inside
   * (e.g. http://nginx/api/payments/webhook in compose.yaml, where SITE_URL is the browser's address and
   * answers nothing inside the containers). Unset: SITE_URL + /api/payments/webhook.
   */
  SIM_WEBHOOK_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /**
   * Minutes a buyer has to confirm a payment before the order expires and its stock goes back. Stripe
   * Checkout sessions last at least 30 minutes; the sweep voids them earlier when this is shorter.
   */
  PAYMENT_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where uploads are kept when S3_BUCKET is not set (one machine, or a volume every instance mounts). */
  UPLOAD_DIR: z.string().default(".data/uploads"),
  /** An S3 bucket for uploads, shared by every instance; unset: UPLOAD_DIR on the local disk. */
  S3_BUCKET: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  S3_REGION: z.string().default("us-east-1"),
  /** An S3-compatible server's address (MinIO, Ceph, R2 …); unset: AWS itself. */
  S3_ENDPOINT: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Unset: the AWS SDK's default credential chain (instance role, AWS_* variables). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Bucket in the path rather than the host name; most S3-compatible servers need it. */
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  /** A key prefix inside the bucket, so one bucket can serve several shops or environments. */
  S3_PREFIX: z.string().default(""),
  /** The public address. Required in production (checked at start); this default serves development. */
  SITE_URL: z.url().default("http://localhost:3000"),
  /** Whether Auth.js may trust the Host / X-Forwarded-Host headers (behind a proxy you control). */
  AUTH_TRUST_HOST: z.stringbool().optional(),
  /** smtp://user:pass@host:port or smtps://…; unset: mail is written as .eml files under MAIL_DIR. */
  SMTP_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The From header of every mail. */
  MAIL_FROM: z.string().default("Atelier <no-reply@atelier.test>"),
  /**
   * The shop's time zone, in which pages and mail show dates (IANA name). Without one, a date rendered on
   * the server and again in the browser could differ by the server's own zone. UTC by default: a shop
   * that sells worldwide has no better neutral zone, and it is what the mails said before this existed.
   */
  TIME_ZONE: z
    .string()
    .default("UTC")
    .refine(isTimeZone, "not an IANA time zone such as Europe/London, Asia/Shanghai or UTC"),
  /** When the full recommendation refresh runs (cron, UTC); hourly by default. */
  RECO_REFRESH_CRON: z.string().default("0 * * * *"),
  /**
   * Whether the web server runs the background worker itself. Unset: yes on embedded PGlite (one process
   * owns that database) and in development; no in production on PostgreSQL, where `npm run worker` runs
   * beside the web servers.
   */
  WORKER_IN_PROCESS: z.stringbool().optional(),
  /**
   * Whether a new embedded database also gets the synthetic demo customers (lib/seed/demo-population.ts)
   * at first start, so segments and recommendations are real at once. The end-to-end server turns it off.
   */
  DEMO_POPULATION: z.stringbool().default(true),
  /** Days of page-level behaviour (views, impressions, clicks) the prune job keeps. */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(365),
  /** Where development mail is kept when SMTP_URL is unset (listed at /dev/mail in development). */
  MAIL_DIR: z.string().default(".data/mail"),
});

export type Env = z.infer<typeof schema>;

/**
 * The settings from `source`, or an error naming each bad variable and what is wrong with it (the server
 * start prints it and refuses to run: lib/server-start.ts), rather than a dump of zod's issues.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`);
  throw new Error(`invalid settings: ${problems.join("; ")}`);
}

// Resolved here, not validated: `next build` imports this module with NODE_ENV=production and no secrets.
export const env: Env = parseEnv({ ...process.env, ...resolveSecrets(process.env) });

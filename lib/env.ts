import { z } from "zod";
import { databaseEnvSchema } from "@/db/config";
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
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  UPLOAD_DIR: z.string().default(".data/uploads"),
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
  /** Where development mail is kept when SMTP_URL is unset (listed at /dev/mail in development). */
  MAIL_DIR: z.string().default(".data/mail"),
});

export type Env = z.infer<typeof schema>;

// Resolved here, not validated: `next build` imports this module with NODE_ENV=production and no secrets.
export const env: Env = schema.parse({ ...process.env, ...resolveSecrets(process.env) });

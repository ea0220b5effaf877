import { z } from "zod";

/**
 * Where the database is: the variables db/ reads itself, so that db/ imports nothing above it.
 * lib/env.ts builds the app's environment on this schema, so each variable is still described once.
 */
export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Where the embedded PostgreSQL keeps its files when DATABASE_URL is not set. */
  PGLITE_DIR: z.string().default(".data/pglite"),
  /**
   * Read replicas of DATABASE_URL, comma-separated: catalogue reads go to them (getCatalogueDb), everything
   * else stays on the primary. Unset: every read goes to the primary.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const urls = (raw ?? "")
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean);
      for (const url of urls)
        if (!URL.canParse(url)) ctx.addIssue({ code: "custom", message: `DATABASE_REPLICA_URLS: not a URL: ${url}` });
      return urls;
    }),
});

export type DatabaseConfig = z.infer<typeof databaseEnvSchema>;

/** Read when the database is first opened, not when this module is imported. */
export function databaseConfig(raw: Record<string, string | undefined> = process.env): DatabaseConfig {
  return databaseEnvSchema.parse(raw);
}

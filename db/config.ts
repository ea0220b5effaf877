import { z } from "zod";

/**
 * Where the database is: the two variables db/ reads itself, so that db/ imports nothing above it.
 * lib/env.ts builds the app's environment on this schema, so each variable is still described once.
 */
export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Where the embedded PostgreSQL keeps its files when DATABASE_URL is not set. */
  PGLITE_DIR: z.string().default(".data/pglite"),
});

export type DatabaseConfig = z.infer<typeof databaseEnvSchema>;

/** Read when the database is first opened, not when this module is imported. */
export function databaseConfig(raw: Record<string, string | undefined> = process.env): DatabaseConfig {
  return databaseEnvSchema.parse(raw);
}

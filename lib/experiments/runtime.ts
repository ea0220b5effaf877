/**
 * The running-experiments configuration that proxy.ts assigns from. It is a small JSON document built
 * from the database by the internal route /api/experiments/config and cached by the proxy for a few
 * seconds (see config-cache.ts), so serving traffic never queries the database.
 * Pure: no Next, no database. Validated on the way in, because the proxy must never crash on a bad payload.
 */
import { z } from "zod";
import { fnv1a32 } from "./hash";

export const RuntimeExperimentSchema = z.object({
  key: z.string().min(1).max(80),
  /** Landing path /c/[slug] the experiment runs on. */
  slug: z.string().min(1).max(80),
  bucketVersion: z.number().int().min(1),
  coverage: z.number().gt(0).max(1),
  weights: z.array(z.number().min(0).max(1)).min(2).max(10),
  variantKeys: z.array(z.string().min(1).max(40)).min(2).max(10),
  /** Epoch milliseconds: the proxy checks the window itself, so a campaign starts and ends on time. */
  startsAt: z.number(),
  endsAt: z.number(),
  audience: z.object({
    locales: z.array(z.string()),
    visitors: z.enum(["all", "new", "returning"]),
    /** Segment targeting (targeting.ts) needs the user's segment, which only the server render can look up. */
    clusters: z.boolean(),
  }),
});

export const RuntimeConfigSchema = z.object({
  version: z.string(),
  generatedAt: z.number(),
  experiments: z.array(RuntimeExperimentSchema).max(500),
});

export type RuntimeExperiment = z.infer<typeof RuntimeExperimentSchema>;
export type RuntimeConfig = z.infer<typeof RuntimeConfigSchema>;

export const EMPTY_CONFIG: RuntimeConfig = { version: "empty", generatedAt: 0, experiments: [] };

/**
 * A version that changes whenever anything the proxy reads changes (a launch, a pause, a weight update),
 * used as the route's ETag so a poll with no change is a 304 without a body.
 */
export function runtimeConfigVersion(experiments: readonly RuntimeExperiment[]): string {
  const canonical = JSON.stringify([...experiments].sort((a, b) => a.slug.localeCompare(b.slug)));
  // Two independent 32-bit hashes: a collision would need both to collide at once.
  return `${fnv1a32(canonical).toString(36)}-${fnv1a32(`${canonical.length}:${canonical}`).toString(36)}`;
}

export function buildRuntimeConfig(experiments: RuntimeExperiment[], now: number): RuntimeConfig {
  return { version: runtimeConfigVersion(experiments), generatedAt: now, experiments };
}

export function parseRuntimeConfig(json: unknown): RuntimeConfig | null {
  const parsed = RuntimeConfigSchema.safeParse(json);
  if (!parsed.success) return null;
  // Every experiment must have one weight per variant; drop any that does not rather than mis-bucket.
  const experiments = parsed.data.experiments.filter((e) => e.weights.length === e.variantKeys.length);
  return { ...parsed.data, experiments };
}

/** Index by landing slug for the proxy's per-request lookup. */
export function indexBySlug(config: RuntimeConfig): Map<string, RuntimeExperiment> {
  return new Map(config.experiments.map((e) => [e.slug, e]));
}

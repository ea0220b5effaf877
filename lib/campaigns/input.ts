/**
 * What a marketer submits for a campaign, and every check that needs no database. Errors are keys of
 * the `campaigns.errors` message namespace, keyed by the field path ("experiment.variants.1.weight").
 */
import { z } from "zod";
import type { CampaignContent, CampaignStory, VariantContent } from "@/db/schema";
import { LOCALES } from "@/i18n/locales";
import { DEFAULT_SEQUENTIAL_TUNING } from "@/lib/experiments/stats";
import { currencySchema, parseMajorAmount } from "@/lib/money";
import { segmentKeySchema } from "@/lib/reco/segment-names";

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = (max: number) => z.string().trim().max(max, { error: "too_long" });
const required = (min: number, max: number) => text(max).min(min, { error: "required" });
const id = z.string().trim().min(1, { error: "required" }).max(128);
const amount = z.string().trim().max(16);

/** Weights may be typed as 33.3 / 33.3 / 33.4: a sum within this of 1 is accepted (GrowthBook allows 0.01). */
export const WEIGHT_TOLERANCE = 0.001;

export const variantContentSchema = z.object({
  headline: text(120),
  heroText: text(400),
  body: text(2000),
  offer: text(120),
  cta: text(40),
});

export const variantInputSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "invalid_key" })
    .max(40, { error: "too_long" }),
  name: required(1, 60),
  weight: z.number({ error: "invalid_number" }).min(0, { error: "weight_range" }).max(1, { error: "weight_range" }),
  content: variantContentSchema,
  /** The copy in Chinese, optional: absent = leave as stored, all blank = none written. */
  contentZh: variantContentSchema.optional(),
});

export const campaignInputSchema = z
  .object({
    name: required(3, 120),
    slug: z
      .string()
      .trim()
      .min(3, { error: "required" })
      .max(60, { error: "too_long" })
      .regex(SLUG, { error: "invalid_slug" }),
    partnerIds: z.array(id).min(2, { error: "two_partners" }).max(6, { error: "too_many" }),
    bundle: z.object({
      title: required(3, 120),
      description: text(2000),
      price: amount,
      currency: z.string().pipe(currencySchema),
      itemIds: z.array(id).min(2, { error: "bundle_items" }).max(6, { error: "too_many" }),
      // Chinese twins, optional: absent = leave as stored, empty = not written (the page falls back).
      titleZh: text(120).optional(),
      descriptionZh: text(2000).optional(),
    }),
    featuredIds: z.array(id).max(12, { error: "too_many" }),
    startsAt: z.string().min(1, { error: "required" }),
    endsAt: z.string().min(1, { error: "required" }),
    content: z.object({
      heroTitle: required(3, 120),
      heroText: text(400),
      story: z.array(z.object({ heading: required(1, 120), body: required(1, 2000) })).max(6, { error: "too_many" }),
    }),
    /** The landing content in Chinese: optional as a whole; blank blocks are dropped. */
    contentZh: z
      .object({
        heroTitle: text(120),
        heroText: text(400),
        story: z.array(z.object({ heading: text(120), body: text(2000) })).max(6, { error: "too_many" }),
      })
      .optional(),
    audience: z.object({
      // Segment keys (lib/reco/segment-names.ts); whether they exist is checked against the database (store.ts).
      segments: z.array(segmentKeySchema).max(20, { error: "too_many" }),
      locales: z.array(z.enum(LOCALES, { error: "invalid_locale" })),
      visitors: z.enum(["all", "new", "returning"]),
    }),
    channels: z
      .array(
        z.object({
          source: z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, { error: "invalid_source" }),
          budget: amount,
          spent: amount,
        }),
      )
      .max(10, { error: "too_many" }),
    experiment: z.object({
      mode: z.enum(["fixed", "bandit"]),
      coverage: z
        .number({ error: "invalid_number" })
        .gt(0, { error: "coverage_range" })
        .max(1, { error: "coverage_range" }),
      cadenceMinutes: z
        .number({ error: "invalid_number" })
        .int({ error: "invalid_number" })
        .min(5, { error: "cadence_range" })
        .max(10_080, { error: "cadence_range" }),
      variants: z.array(variantInputSchema).min(2, { error: "two_variants" }).max(5, { error: "too_many" }),
      // Defaults keep older callers (fixtures, imports) valid: sequential testing is on unless turned off.
      sequential: z.boolean().default(true),
      sequentialTuning: z
        .number({ error: "invalid_number" })
        .int({ error: "invalid_number" })
        .min(100, { error: "tuning_range" })
        .max(10_000_000, { error: "tuning_range" })
        .default(DEFAULT_SEQUENTIAL_TUNING),
      primaryMetric: z.enum(["conversion", "revenue"]).default("conversion"),
      minDetectableEffect: z
        .number({ error: "invalid_number" })
        .min(0.005, { error: "mde_range" })
        .max(10, { error: "mde_range" })
        .default(0.1),
      aa: z.boolean().default(false),
    }),
  })
  .strict();

export type CampaignInput = z.input<typeof campaignInputSchema>;

/** The input after parsing: dates and amounts converted, ready to store. */
export type CampaignDraft = Omit<
  z.output<typeof campaignInputSchema>,
  "startsAt" | "endsAt" | "bundle" | "channels" | "contentZh" | "experiment"
> & {
  startsAt: Date;
  endsAt: Date;
  /** undefined = not submitted (keep the stored one), null = no Chinese landing content. */
  contentZh: CampaignContent | null | undefined;
  bundle: {
    title: string;
    description: string;
    titleZh?: string | null;
    descriptionZh?: string | null;
    priceAmount: number;
    currency: string;
    itemIds: string[];
  };
  channels: { source: string; budgetAmount: number; spentAmount: number }[];
  experiment: Omit<z.output<typeof campaignInputSchema>["experiment"], "variants"> & {
    variants: (Omit<z.output<typeof variantInputSchema>, "contentZh"> & {
      /** undefined = not submitted (keep the stored one), null = no Chinese copy. */
      contentZh: VariantContent | null | undefined;
    })[];
  };
};

export type FieldErrors = Record<string, string>;
export type ParseResult = { ok: true; draft: CampaignDraft } | { ok: false; fieldErrors: FieldErrors };

function issueKey(issue: z.core.$ZodIssue): string {
  // Custom messages are already keys; zod's own ones are mapped to a few generic keys.
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  if (issue.code === "too_small") return "required";
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "invalid_type") return "required";
  if (issue.code === "unrecognized_keys") return "invalid_input";
  return "invalid_input";
}

/** Accepts ISO strings and the `datetime-local` form value (read as UTC, which the form states). */
function parseDate(value: string): Date | null {
  const v = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}

/** The Chinese landing content as stored: blank blocks dropped, and null when nothing was written. */
function chineseContent(c: { heroTitle: string; heroText: string; story: CampaignStory[] } | undefined) {
  if (c === undefined) return undefined;
  const story = c.story.filter((b) => b.heading || b.body);
  return c.heroTitle || c.heroText || story.length > 0 ? { ...c, story } : null;
}

/** A variant's Chinese copy as stored: null when every field is blank. */
function chineseVariant(c: VariantContent | undefined): VariantContent | null | undefined {
  if (c === undefined) return undefined;
  return Object.values(c).some((text) => text !== "") ? c : null;
}

/** Everything that can be checked without the database. Collects every error, not just the first. */
export function parseCampaignInput(raw: unknown): ParseResult {
  const parsed = campaignInputSchema.safeParse(raw);
  const errors: FieldErrors = {};
  const add = (path: string, key: string) => {
    errors[path] ??= key;
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path.join(".") || "form", issueKey(issue));
    return { ok: false, fieldErrors: errors };
  }
  const input = parsed.data;

  const startsAt = parseDate(input.startsAt);
  const endsAt = parseDate(input.endsAt);
  if (!startsAt) add("startsAt", "invalid_date");
  if (!endsAt) add("endsAt", "invalid_date");
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) add("endsAt", "end_before_start");

  const price = parseMajorAmount(input.bundle.price, input.bundle.currency);
  if (price === null || price <= 0) add("bundle.price", "invalid_amount");

  for (const i of duplicates(input.partnerIds)) add(`partnerIds.${i}`, "duplicate");
  for (const i of duplicates(input.bundle.itemIds)) add(`bundle.itemIds.${i}`, "duplicate");
  for (const i of duplicates(input.featuredIds)) add(`featuredIds.${i}`, "duplicate");
  for (const i of duplicates(input.channels.map((c) => c.source))) add(`channels.${i}.source`, "duplicate");
  for (const i of duplicates(input.experiment.variants.map((v) => v.key)))
    add(`experiment.variants.${i}.key`, "duplicate");

  const channels = input.channels.map((c, i) => {
    const budgetAmount = parseMajorAmount(c.budget, input.bundle.currency);
    const spentAmount = c.spent.trim() === "" ? 0 : parseMajorAmount(c.spent, input.bundle.currency);
    if (budgetAmount === null) add(`channels.${i}.budget`, "invalid_amount");
    if (spentAmount === null) add(`channels.${i}.spent`, "invalid_amount");
    return { source: c.source, budgetAmount: budgetAmount ?? 0, spentAmount: spentAmount ?? 0 };
  });

  const weights = input.experiment.variants.map((v) => v.weight);
  const total = weights.reduce((s, w) => s + w, 0);
  if (Math.abs(total - 1) > WEIGHT_TOLERANCE) add("experiment.variants", "weights_sum");
  if (weights.some((w) => w === 0)) add("experiment.variants", "weight_zero");
  if (input.experiment.aa) {
    // An A/A test checks the setup only if the arms are truly the same page, split by fixed weights.
    const copy = (v: (typeof input.experiment.variants)[number] | undefined) =>
      JSON.stringify([v?.content, chineseVariant(v?.contentZh)]);
    const control = copy(input.experiment.variants[0]);
    if (input.experiment.variants.some((v) => copy(v) !== control)) add("experiment.aa", "aa_identical");
    if (input.experiment.mode !== "fixed") add("experiment.aa", "aa_fixed");
  }

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    draft: {
      ...input,
      startsAt: startsAt as Date,
      endsAt: endsAt as Date,
      bundle: {
        ...input.bundle,
        ...(input.bundle.titleZh === undefined ? {} : { titleZh: input.bundle.titleZh || null }),
        ...(input.bundle.descriptionZh === undefined ? {} : { descriptionZh: input.bundle.descriptionZh || null }),
        priceAmount: price as number,
      },
      contentZh: chineseContent(input.contentZh),
      channels,
      // Stored weights sum to exactly 1, so the bucket ranges tile the unit line.
      experiment: {
        ...input.experiment,
        variants: input.experiment.variants.map((v) => ({
          ...v,
          weight: v.weight / total,
          contentZh: chineseVariant(v.contentZh),
        })),
      },
    },
  };
}

/**
 * Writing campaigns: create, update, and the status machine (draft -> preview -> running <-> paused ->
 * ended). Every change is one transaction; invalid input writes nothing and comes back as field errors.
 * Callers (server actions) check that the user is a marketer or admin before calling.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import {
  bundleItems,
  campaignChannels,
  campaignFeatured,
  campaignPartners,
  campaigns,
  creators,
  experiments,
  experimentVariants,
  experimentWeightHistory,
  products,
  type CampaignStatus,
} from "@/db/schema";
import { queryRows } from "@/db/rows";
import { fnv1a32 } from "@/lib/experiments/hash";
import { getCurrentSegments } from "@/lib/reco/read";
import { parseCampaignInput, type CampaignDraft, type FieldErrors } from "./input";

export type SaveResult = { ok: true; id: string } | { ok: false; error: string; fieldErrors: FieldErrors };

export function bundleSlug(campaignSlug: string): string {
  return `${campaignSlug}-bundle`;
}

/** Checks that need the database: partners and products exist and fit, slugs are free, segments exist. */
async function checkReferences(
  db: Executor,
  draft: CampaignDraft,
  current: { id: string; bundleProductId: string } | null,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const add = (path: string, key: string) => {
    errors[path] ??= key;
  };

  const partnerRows = await db.select({ id: creators.id }).from(creators).where(inArray(creators.id, draft.partnerIds));
  const partnerIds = new Set(partnerRows.map((r) => r.id));
  draft.partnerIds.forEach((pid, i) => {
    if (!partnerIds.has(pid)) add(`partnerIds.${i}`, "unknown_creator");
  });

  const productIds = [...new Set([...draft.bundle.itemIds, ...draft.featuredIds])];
  const productRows = await db
    .select({ id: products.id, kind: products.kind, status: products.status, currency: products.currency })
    .from(products)
    .where(inArray(products.id, productIds));
  const byId = new Map(productRows.map((r) => [r.id, r]));
  const kinds = new Set<string>();
  draft.bundle.itemIds.forEach((pid, i) => {
    const p = byId.get(pid);
    if (!p || p.status !== "published" || p.kind === "bundle") return add(`bundle.itemIds.${i}`, "unknown_product");
    if (p.currency !== draft.bundle.currency) return add(`bundle.itemIds.${i}`, "currency_mismatch");
    kinds.add(p.kind);
  });
  if (!errors["bundle.itemIds.0"] && !(kinds.has("course") && kinds.has("artwork")))
    add("bundle.itemIds", "bundle_mix");
  draft.featuredIds.forEach((pid, i) => {
    const p = byId.get(pid);
    if (!p || p.status !== "published" || p.kind === "bundle") add(`featuredIds.${i}`, "unknown_product");
  });

  const slugTaken = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(current ? and(eq(campaigns.slug, draft.slug), ne(campaigns.id, current.id)) : eq(campaigns.slug, draft.slug))
    .limit(1);
  const productSlugTaken = await db
    .select({ id: products.id })
    .from(products)
    .where(
      current
        ? and(eq(products.slug, bundleSlug(draft.slug)), ne(products.id, current.bundleProductId))
        : eq(products.slug, bundleSlug(draft.slug)),
    )
    .limit(1);
  if (slugTaken.length > 0 || productSlugTaken.length > 0) add("slug", "slug_taken");

  if (draft.audience.segments.length > 0) {
    // A segment must exist in the latest refresh when it is picked. One the campaign already targets may
    // stay after a refresh lost it: it reaches nobody until it comes back, and saving must not fail for it.
    const known = new Set((await getCurrentSegments(db)).segments.map((s) => s.key));
    const kept = new Set<string>();
    if (current) {
      const [row] = await db
        .select({ audience: campaigns.audience })
        .from(campaigns)
        .where(eq(campaigns.id, current.id));
      for (const key of row?.audience.segments ?? []) kept.add(key);
    }
    draft.audience.segments.forEach((key, i) => {
      if (!known.has(key) && !kept.has(key)) add(`audience.segments.${i}`, "unknown_segment");
    });
  }
  return errors;
}

async function writeChildren(
  tx: Executor,
  campaignId: string,
  bundleProductId: string,
  experimentId: string,
  draft: CampaignDraft,
) {
  await tx.delete(bundleItems).where(eq(bundleItems.bundleId, bundleProductId));
  await tx
    .insert(bundleItems)
    .values(draft.bundle.itemIds.map((productId) => ({ bundleId: bundleProductId, productId })));
  await tx.delete(campaignPartners).where(eq(campaignPartners.campaignId, campaignId));
  await tx
    .insert(campaignPartners)
    .values(draft.partnerIds.map((creatorId, position) => ({ campaignId, creatorId, position })));
  await tx.delete(campaignFeatured).where(eq(campaignFeatured.campaignId, campaignId));
  if (draft.featuredIds.length > 0) {
    await tx
      .insert(campaignFeatured)
      .values(draft.featuredIds.map((productId, position) => ({ campaignId, productId, position })));
  }
  await tx.delete(campaignChannels).where(eq(campaignChannels.campaignId, campaignId));
  if (draft.channels.length > 0) {
    await tx
      .insert(campaignChannels)
      .values(draft.channels.map((c) => ({ campaignId, ...c, currency: draft.bundle.currency })));
  }
  // A save that does not send a variant's Chinese copy (an English-only caller) keeps the stored one.
  const storedZh = new Map(
    (
      await tx
        .select({ key: experimentVariants.key, contentZh: experimentVariants.contentZh })
        .from(experimentVariants)
        .where(eq(experimentVariants.experimentId, experimentId))
    ).map((v) => [v.key, v.contentZh]),
  );
  await tx.delete(experimentVariants).where(eq(experimentVariants.experimentId, experimentId));
  await tx.insert(experimentVariants).values(
    draft.experiment.variants.map((v, position) => ({
      experimentId,
      position,
      key: v.key,
      name: v.name,
      weight: v.weight,
      content: v.content,
      contentZh: v.contentZh === undefined ? (storedZh.get(v.key) ?? null) : v.contentZh,
    })),
  );
}

function campaignColumns(draft: CampaignDraft) {
  return {
    slug: draft.slug,
    name: draft.name,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    content: draft.content,
    ...(draft.contentZh === undefined ? {} : { contentZh: draft.contentZh }),
    audience: draft.audience,
  };
}

function analysisColumns(draft: CampaignDraft) {
  const e = draft.experiment;
  return {
    sequential: e.sequential,
    sequentialTuning: e.sequentialTuning,
    primaryMetric: e.primaryMetric,
    minDetectableEffect: e.minDetectableEffect,
    aa: e.aa,
  };
}

/**
 * Fields that decide how the results are read. Once the experiment has run they are fixed: switching
 * the test, the primary metric or the A/A flag after seeing data is choosing the analysis that wins.
 * (The minimum detectable effect only plans the sample size and may change.)
 */
export function analysisChanged(
  draft: CampaignDraft,
  current: Pick<Current, "sequential" | "sequentialTuning" | "primaryMetric" | "aa">,
): boolean {
  const e = draft.experiment;
  return (
    e.sequential !== current.sequential ||
    e.sequentialTuning !== current.sequentialTuning ||
    e.primaryMetric !== current.primaryMetric ||
    e.aa !== current.aa
  );
}

function bundleColumns(draft: CampaignDraft) {
  return {
    slug: bundleSlug(draft.slug),
    title: draft.bundle.title,
    subtitle: draft.name,
    description: draft.bundle.description,
    ...(draft.bundle.titleZh === undefined ? {} : { titleZh: draft.bundle.titleZh }),
    ...(draft.bundle.descriptionZh === undefined ? {} : { descriptionZh: draft.bundle.descriptionZh }),
    priceAmount: draft.bundle.priceAmount,
    currency: draft.bundle.currency,
    creatorId: draft.partnerIds[0] as string,
  };
}

/** `ids` fixes the new rows' ids (the demo seed needs the same ids on every database). */
export async function createCampaign(
  db: Db,
  raw: unknown,
  opts: { userId: string | null; ids?: { campaign: string; bundle: string; experiment: string } },
): Promise<SaveResult> {
  const parsed = parseCampaignInput(raw);
  if (!parsed.ok) return { ok: false, error: "invalid_input", fieldErrors: parsed.fieldErrors };
  const draft = parsed.draft;
  const refErrors = await checkReferences(db, draft, null);
  if (Object.keys(refErrors).length > 0) return { ok: false, error: "invalid_input", fieldErrors: refErrors };

  const id = await db.transaction(async (tx) => {
    const [bundle] = await tx
      .insert(products)
      .values({
        id: opts.ids?.bundle,
        kind: "bundle",
        status: "draft",
        imageSeed: fnv1a32(draft.slug) % 10_000,
        ...bundleColumns(draft),
      })
      .returning({ id: products.id });
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        id: opts.ids?.campaign,
        ...campaignColumns(draft),
        bundleProductId: bundle!.id,
        previewToken: randomBytes(18).toString("base64url"),
        createdBy: opts.userId,
      })
      .returning({ id: campaigns.id });
    const [experiment] = await tx
      .insert(experiments)
      .values({
        id: opts.ids?.experiment,
        campaignId: campaign!.id,
        key: draft.slug,
        mode: draft.experiment.mode,
        coverage: draft.experiment.coverage,
        banditCadenceMinutes: draft.experiment.cadenceMinutes,
        ...analysisColumns(draft),
      })
      .returning({ id: experiments.id });
    await writeChildren(tx, campaign!.id, bundle!.id, experiment!.id, draft);
    return campaign!.id;
  });
  return { ok: true, id };
}

type Current = {
  id: string;
  status: CampaignStatus;
  slug: string;
  bundleProductId: string;
  experimentId: string;
  launchedWeights: number[] | null;
  mode: string;
  coverage: number;
  sequential: boolean;
  sequentialTuning: number;
  primaryMetric: string;
  aa: boolean;
};

async function loadCurrent(db: Executor, id: string): Promise<Current | null> {
  const [row] = await db
    .select({
      id: campaigns.id,
      status: campaigns.status,
      slug: campaigns.slug,
      bundleProductId: campaigns.bundleProductId,
      experimentId: experiments.id,
      launchedWeights: experiments.launchedWeights,
      mode: experiments.mode,
      coverage: experiments.coverage,
      sequential: experiments.sequential,
      sequentialTuning: experiments.sequentialTuning,
      primaryMetric: experiments.primaryMetric,
      aa: experiments.aa,
    })
    .from(campaigns)
    .innerJoin(experiments, eq(experiments.campaignId, campaigns.id))
    .where(eq(campaigns.id, id))
    .limit(1);
  return row ?? null;
}

export async function updateCampaign(db: Db, id: string, raw: unknown): Promise<SaveResult> {
  const parsed = parseCampaignInput(raw);
  if (!parsed.ok) return { ok: false, error: "invalid_input", fieldErrors: parsed.fieldErrors };
  const draft = parsed.draft;
  const current = await loadCurrent(db, id);
  if (!current) return { ok: false, error: "not_found", fieldErrors: {} };
  if (current.status === "ended") return { ok: false, error: "campaign_ended", fieldErrors: {} };
  // The slug is the experiment's hash seed and the public URL: fixed once the campaign has run.
  if (current.launchedWeights && draft.slug !== current.slug)
    return { ok: false, error: "invalid_input", fieldErrors: { slug: "slug_locked" } };
  if (current.launchedWeights && analysisChanged(draft, current))
    return { ok: false, error: "analysis_locked", fieldErrors: {} };
  if (current.status === "running") {
    // Changing the split of a running experiment would silently move visitors between variants.
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(experimentVariants)
      .where(eq(experimentVariants.experimentId, current.experimentId));
    const weights = draft.experiment.variants.map((v) => v.weight);
    const changed =
      n !== weights.length ||
      draft.experiment.coverage !== current.coverage ||
      draft.experiment.mode !== current.mode ||
      (current.mode === "fixed" && !sameWeights(weights, current.launchedWeights ?? []));
    if (changed) return { ok: false, error: "pause_to_change_split", fieldErrors: {} };
  }
  const refErrors = await checkReferences(db, draft, current);
  if (Object.keys(refErrors).length > 0) return { ok: false, error: "invalid_input", fieldErrors: refErrors };

  await db.transaction(async (tx) => {
    await tx
      .update(campaigns)
      .set({ ...campaignColumns(draft), updatedAt: new Date() })
      .where(eq(campaigns.id, id));
    await tx
      .update(products)
      .set({ ...bundleColumns(draft), updatedAt: new Date() })
      .where(eq(products.id, current.bundleProductId));
    await tx
      .update(experiments)
      .set({
        mode: draft.experiment.mode,
        coverage: draft.experiment.coverage,
        banditCadenceMinutes: draft.experiment.cadenceMinutes,
        ...analysisColumns(draft),
      })
      .where(eq(experiments.id, current.experimentId));
    // A running bandit keeps the weights it learned; the form shows them but does not reset them.
    if (current.status === "running" && current.mode === "bandit") {
      const kept = await tx
        .select()
        .from(experimentVariants)
        .where(eq(experimentVariants.experimentId, current.experimentId));
      draft.experiment.variants = draft.experiment.variants.map((v, i) => ({
        ...v,
        weight: kept.find((k) => k.position === i)?.weight ?? v.weight,
      }));
    }
    await writeChildren(tx, id, current.bundleProductId, current.experimentId, draft);
  });
  return { ok: true, id };
}

export function sameWeights(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((w, i) => Math.abs(w - (b[i] as number)) < 1e-9);
}

export type TransitionAction = "preview" | "draft" | "launch" | "pause" | "end";
export type TransitionResult =
  { ok: true; status: CampaignStatus; bucketVersion: number } | { ok: false; error: string };

const ALLOWED: Record<TransitionAction, CampaignStatus[]> = {
  preview: ["draft"],
  draft: ["preview"],
  launch: ["draft", "preview", "paused"],
  pause: ["running"],
  end: ["draft", "preview", "running", "paused"],
};

/**
 * Moves a campaign through its lifecycle. Launching publishes the bundle; re-launching with different
 * weights, coverage or number of variants bumps the bucket version, so the new phase is randomized
 * afresh and analysed on its own instead of some visitors silently switching variant.
 */
export async function transitionCampaign(
  db: Db,
  id: string,
  action: TransitionAction,
  now = new Date(),
): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    // Row lock: two marketers clicking launch at once must not bump the version twice.
    const locked = await queryRows<{ id: string }>(tx, sql`select id from campaign where id = ${id} for update`);
    if (locked.length === 0) return { ok: false as const, error: "not_found" };
    const current = await loadCurrent(tx, id);
    if (!current) return { ok: false as const, error: "not_found" };
    if (!ALLOWED[action].includes(current.status)) return { ok: false as const, error: "invalid_transition" };
    const [exp] = await tx.select().from(experiments).where(eq(experiments.id, current.experimentId));
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
    let bucketVersion = exp!.bucketVersion;

    if (action === "launch") {
      if (campaign!.endsAt.getTime() <= now.getTime()) return { ok: false as const, error: "window_over" };
      const items = await tx
        .select({ status: products.status })
        .from(bundleItems)
        .innerJoin(products, eq(products.id, bundleItems.productId))
        .where(eq(bundleItems.bundleId, current.bundleProductId));
      if (items.length < 2 || items.some((i) => i.status !== "published"))
        return { ok: false as const, error: "bundle_unavailable" };
      const variants = await tx
        .select({ weight: experimentVariants.weight })
        .from(experimentVariants)
        .where(eq(experimentVariants.experimentId, exp!.id))
        .orderBy(experimentVariants.position);
      const weights = variants.map((v) => v.weight);
      const firstLaunch = exp!.launchedWeights === null;
      const changed =
        !firstLaunch && (!sameWeights(weights, exp!.launchedWeights ?? []) || exp!.launchedCoverage !== exp!.coverage);
      if (changed) bucketVersion += 1;
      await tx
        .update(experiments)
        .set({
          bucketVersion,
          launchedWeights: weights,
          launchedCoverage: exp!.coverage,
          banditUpdatedAt: firstLaunch || changed ? now : exp!.banditUpdatedAt,
        })
        .where(eq(experiments.id, exp!.id));
      await tx.insert(experimentWeightHistory).values({
        experimentId: exp!.id,
        bucketVersion,
        weights,
        coverage: exp!.coverage,
        reason: firstLaunch ? "launch" : changed ? "relaunch" : "resume",
        startsAt: now,
      });
      await tx
        .update(products)
        .set({ status: "published", updatedAt: now })
        .where(eq(products.id, current.bundleProductId));
    }
    if (action === "end") {
      await tx
        .update(products)
        .set({ status: "archived", updatedAt: now })
        .where(eq(products.id, current.bundleProductId));
    }
    const status: CampaignStatus = {
      preview: "preview",
      draft: "draft",
      launch: "running",
      pause: "paused",
      end: "ended",
    }[action] as CampaignStatus;
    await tx.update(campaigns).set({ status, updatedAt: now }).where(eq(campaigns.id, id));
    return { ok: true as const, status, bucketVersion };
  });
}

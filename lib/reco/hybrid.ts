/**
 * Blends candidate lists from several recommenders into one slot, keeping a reason for every item.
 *
 *   const items = blendCandidates(
 *     [
 *       { source: "itemknn", weight: 0.5, candidates: [{ itemId, score, reason: { kind: "because_item", itemId: anchor } }] },
 *       { source: "popular", weight: 0.1, candidates: [...] },
 *     ],
 *     { n: 12, owned: new Set(ownedIds), creatorOf: (id) => creatorById.get(id), maxPerCreator: 2 },
 *   );
 *   // [{ itemId, score, reason, reasons, sources }]; `reason` is what the UI turns into text.
 *
 * Scores of different models live on different scales (cosine sums, EASE weights, counts), so each
 * source is normalised before weighting: min-max to [0, 1], or by rank (1 for the top, falling linearly)
 * when raw scores are too skewed for min-max to mean anything.
 * Weights per slot can be learned from click-through with adaptBlendWeights (Thompson sampling).
 */
import { createRng } from "../random";

export type Reason<Id = string> =
  | { kind: "because_item"; itemId: Id }
  | { kind: "similar_users" }
  | { kind: "followed_creator"; creatorId: string }
  | { kind: "tag"; tag: string }
  | { kind: "similar_content"; itemId: Id }
  | { kind: "popular" }
  | { kind: "graph"; via?: string };

export type Candidate<Id = string> = { itemId: Id; score: number; reason: Reason<Id> };

export type CandidateSource<Id = string> = { source: string; weight: number; candidates: readonly Candidate<Id>[] };

export type BlendedItem<Id = string> = {
  itemId: Id;
  score: number;
  /** The reason of the source that contributed most to the score. */
  reason: Reason<Id>;
  /** Every contributing source's reason, largest contribution first. */
  reasons: { source: string; reason: Reason<Id>; contribution: number }[];
};

export type BlendOptions<Id = string> = {
  n: number;
  /** Items the user already owns (purchased courses, bought unique artworks): never returned. */
  owned?: ReadonlySet<Id>;
  /** With maxPerCreator: at most that many items per creator, for diversity. */
  creatorOf?: (itemId: Id) => string | undefined;
  maxPerCreator?: number;
  normalization?: "minmax" | "rank";
};

function normalise(scores: readonly number[], how: "minmax" | "rank"): number[] {
  const m = scores.length;
  if (how === "rank") {
    // Rank by score (ties share the better rank), 1 for the best, approaching 0 for the last.
    const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const out = new Array<number>(m);
    let rank = 0;
    order.forEach(([s, i], pos) => {
      if (pos > 0 && s !== order[pos - 1]![0]) rank = pos;
      out[i] = 1 - rank / m;
    });
    return out;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  // All equal: every candidate is as good as the source's best.
  return scores.map((s) => (hi > lo ? (s - lo) / (hi - lo) : 1));
}

export function blendCandidates<Id>(
  sources: readonly CandidateSource<Id>[],
  options: BlendOptions<Id>,
): BlendedItem<Id>[] {
  const { n, owned, creatorOf, maxPerCreator = Infinity, normalization = "minmax" } = options;
  if (maxPerCreator < 1) throw new RangeError(`blendCandidates: maxPerCreator must be >= 1, got ${maxPerCreator}`);
  type Acc = { itemId: Id; score: number; first: number; reasons: BlendedItem<Id>["reasons"] };
  const byItem = new Map<Id, Acc>();
  let seenOrder = 0;
  for (const { source, weight, candidates } of sources) {
    if (!(weight >= 0)) throw new RangeError(`blendCandidates: weight of ${source} must be >= 0, got ${weight}`);
    if (weight === 0 || candidates.length === 0) continue;
    // A source listing an item twice keeps its best entry.
    const best = new Map<Id, Candidate<Id>>();
    for (const c of candidates) {
      if (!Number.isFinite(c.score)) continue;
      const prev = best.get(c.itemId);
      if (prev === undefined || c.score > prev.score) best.set(c.itemId, c);
    }
    const list = [...best.values()];
    const norm = normalise(
      list.map((c) => c.score),
      normalization,
    );
    list.forEach((c, t) => {
      const contribution = weight * norm[t]!;
      let acc = byItem.get(c.itemId);
      if (acc === undefined) {
        acc = { itemId: c.itemId, score: 0, first: seenOrder++, reasons: [] };
        byItem.set(c.itemId, acc);
      }
      acc.score += contribution;
      acc.reasons.push({ source, reason: c.reason, contribution });
    });
  }
  // Highest blended score first; ties keep first-seen order (sources are listed by priority).
  const ranked = [...byItem.values()].sort((a, b) => b.score - a.score || a.first - b.first);
  const perCreator = new Map<string, number>();
  const out: BlendedItem<Id>[] = [];
  for (const acc of ranked) {
    if (out.length >= n) break;
    if (owned?.has(acc.itemId)) continue;
    const creator = creatorOf?.(acc.itemId);
    if (creator !== undefined && maxPerCreator < Infinity) {
      const used = perCreator.get(creator) ?? 0;
      if (used >= maxPerCreator) continue;
      perCreator.set(creator, used + 1);
    }
    const reasons = acc.reasons.slice().sort((a, b) => b.contribution - a.contribution);
    out.push({ itemId: acc.itemId, score: acc.score, reason: reasons[0]!.reason, reasons });
  }
  return out;
}

export type SourceStats = { impressions: number; clicks: number };

export type AdaptOptions = {
  seed?: number;
  /** Monte-Carlo draws used to estimate each source's chance of having the best click-through. */
  draws?: number;
  /** Beta prior on click-through, e.g. { alpha: 1, beta: 20 } for a ~5% prior CTR. Default flat. */
  prior?: { alpha: number; beta: number };
  /** Floor per source so a source can never starve and stop collecting evidence. Default 0.05. */
  minWeight?: number;
  /**
   * Burn-in: a source with fewer impressions keeps its even share (1 / sources) and takes no part in
   * the sampling. Without it a source never shown keeps the prior's 50 % click-through and outbids
   * every source that has actually been shown a few times without a click. Default 100.
   */
  minImpressions?: number;
};

/**
 * Blend weights for one slot from that slot's recommendation impressions and clicks per source, by
 * Thompson sampling: a source's weight is its posterior probability of having the highest click-through
 * (Beta(alpha + clicks, beta + impressions - clicks) per source), floored at minWeight and summing to 1.
 * Call once per slot (home, product page, cart...), since a source that works on one may not on another.
 */
export function adaptBlendWeights(
  stats: Readonly<Record<string, SourceStats>>,
  options: AdaptOptions = {},
): Record<string, number> {
  const { seed = 42, draws = 2000, prior = { alpha: 1, beta: 1 }, minWeight = 0.05, minImpressions = 100 } = options;
  // Sorted names: the result must not depend on object key insertion order.
  const names = Object.keys(stats).sort();
  const m = names.length;
  if (m === 0) return {};
  if (!(minWeight >= 0 && minWeight * m <= 1))
    throw new RangeError(`adaptBlendWeights: minWeight ${minWeight} * ${m} sources exceeds 1`);
  for (const name of names) {
    const { impressions, clicks } = stats[name]!;
    if (!(Number.isFinite(impressions) && Number.isFinite(clicks) && clicks >= 0 && impressions >= clicks)) {
      throw new RangeError(
        `adaptBlendWeights: ${name} needs 0 <= clicks <= impressions, got ${clicks} / ${impressions}`,
      );
    }
  }
  const out: Record<string, number> = {};
  const ready = names.filter((name) => stats[name]!.impressions >= minImpressions);
  for (const name of names) out[name] = 1 / m;
  if (ready.length < 2) return out;

  // The sources past burn-in share their combined even share by posterior chance of being best.
  const params = ready.map((name) => {
    const { impressions, clicks } = stats[name]!;
    return [prior.alpha + clicks, prior.beta + impressions - clicks] as const;
  });
  const rng = createRng(seed);
  const wins = new Float64Array(ready.length);
  for (let t = 0; t < draws; t++) {
    let best = 0;
    let bestDraw = -1;
    for (let j = 0; j < ready.length; j++) {
      const draw = rng.beta(params[j]![0], params[j]![1]);
      if (draw > bestDraw) {
        bestDraw = draw;
        best = j;
      }
    }
    wins[best]!++;
  }
  const mass = ready.length / m;
  ready.forEach((name, j) => (out[name] = minWeight + (mass - ready.length * minWeight) * (wins[j]! / draws)));
  return out;
}

/** adaptBlendWeights for every slot, each with its own seed derived from the slot's position. */
export function adaptSlotWeights(
  slots: Readonly<Record<string, Readonly<Record<string, SourceStats>>>>,
  options: AdaptOptions = {},
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  Object.keys(slots)
    .sort()
    .forEach(
      (slot, i) =>
        (out[slot] = adaptBlendWeights(slots[slot]!, { ...options, seed: (options.seed ?? 42) + 7919 * (i + 1) })),
    );
  return out;
}

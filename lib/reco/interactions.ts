/**
 * From raw behaviour events to the sparse user x item matrix every collaborative model here reads.
 *
 *   const { matrix, userIds, itemIds, userIndex, itemIndex } = buildInteractionMatrix(events, {
 *     itemIds: catalogueIds,           // optional: give catalogue items without events a column too
 *     now: Date.parse(runStartedAt),   // optional, with halfLifeDays: older evidence counts less
 *     halfLifeDays: 90,
 *   });
 *
 * Implicit feedback is graded, not binary: buying says more than adding to a cart, which says more than
 * a long look. Weights stay non-negative because cosine, RP3beta's random walk and popularity all read
 * a weight as "how much evidence of interest", not as like/dislike.
 */
import { csrFromTriplets, type Csr } from "./sparse";

export type InteractionEvent = {
  userId: string;
  itemId: string;
  /** Epoch milliseconds; only read when time decay is on. */
  at?: number;
} & (
  | { type: "purchase" }
  | { type: "add_to_cart" }
  | { type: "view"; dwellSeconds: number }
  | { type: "rating"; rating: number }
);

export type EventWeights = {
  purchase: number;
  addToCart: number;
  /** Weight of a view at or above dwellCapSeconds; shorter views scale with log(1 + dwell). */
  view: number;
  /** Views shorter than this are bounces and count 0. */
  minDwellSeconds: number;
  /** Dwell beyond this (a tab left open) adds nothing. */
  dwellCapSeconds: number;
  /** Weight of a top rating; see eventWeight for the scale. */
  rating: number;
  ratingMin: number;
  ratingMax: number;
};

export const DEFAULT_EVENT_WEIGHTS: EventWeights = {
  purchase: 5,
  addToCart: 2,
  view: 1,
  minDwellSeconds: 3,
  dwellCapSeconds: 600,
  rating: 3,
  ratingMin: 1,
  ratingMax: 5,
};

/** Weight of a single event (>= 0). */
export function eventWeight(event: InteractionEvent, w: EventWeights = DEFAULT_EVENT_WEIGHTS): number {
  switch (event.type) {
    case "purchase":
      return w.purchase;
    case "add_to_cart":
      return w.addToCart;
    case "view": {
      const dwell = event.dwellSeconds;
      if (!(dwell >= w.minDwellSeconds)) return 0;
      // Log scale: the difference between 10 s and 60 s says more than between 5 and 10 minutes.
      return (w.view * Math.log1p(Math.min(dwell, w.dwellCapSeconds))) / Math.log1p(w.dwellCapSeconds);
    }
    case "rating": {
      // Ratings at or below the scale's midpoint carry no positive evidence (weight 0) rather than a
      // negative weight; the top rating gets the full weight.
      const mid = (w.ratingMin + w.ratingMax) / 2;
      const share = (event.rating - mid) / (w.ratingMax - mid);
      return w.rating * Math.min(1, Math.max(0, share));
    }
  }
}

export type BuildOptions = {
  weights?: EventWeights;
  /** Known ids in a fixed order; ids seen only in events are appended after them. */
  userIds?: readonly string[];
  itemIds?: readonly string[];
  /** Upper bound on one user-item cell, so fifty repeat views cannot outweigh a purchase by far. */
  maxCellWeight?: number;
  /** Explicit reference time (epoch ms) for decay; the module never reads a clock. */
  now?: number;
  /** With `now`: an event this many days old counts half. */
  halfLifeDays?: number;
};

export type InteractionMatrix = {
  /** users x items, summed (then capped) event weights. */
  matrix: Csr;
  userIds: string[];
  itemIds: string[];
  userIndex: Map<string, number>;
  itemIndex: Map<string, number>;
};

function indexOf(id: string, index: Map<string, number>, ids: string[]): number {
  let i = index.get(id);
  if (i === undefined) {
    i = ids.length;
    ids.push(id);
    index.set(id, i);
  }
  return i;
}

export function buildInteractionMatrix(
  events: Iterable<InteractionEvent>,
  options: BuildOptions = {},
): InteractionMatrix {
  const { weights = DEFAULT_EVENT_WEIGHTS, maxCellWeight = 10, now, halfLifeDays } = options;
  if (halfLifeDays !== undefined && now === undefined)
    throw new RangeError("buildInteractionMatrix: halfLifeDays needs an explicit now");
  const userIds: string[] = [];
  const itemIds: string[] = [];
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  for (const id of options.userIds ?? []) indexOf(id, userIndex, userIds);
  for (const id of options.itemIds ?? []) indexOf(id, itemIndex, itemIds);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const msPerHalfLife = halfLifeDays !== undefined ? halfLifeDays * 86_400_000 : 0;
  for (const e of events) {
    let v = eventWeight(e, weights);
    if (msPerHalfLife > 0 && now !== undefined && e.at !== undefined) {
      v *= Math.pow(0.5, Math.max(0, now - e.at) / msPerHalfLife);
    }
    if (!(v > 0)) continue;
    rows.push(indexOf(e.userId, userIndex, userIds));
    cols.push(indexOf(e.itemId, itemIndex, itemIds));
    vals.push(v);
  }
  const matrix = csrFromTriplets(userIds.length, itemIds.length, rows, cols, vals, "sum");
  for (let p = 0; p < matrix.data.length; p++) if (matrix.data[p]! > maxCellWeight) matrix.data[p] = maxCellWeight;
  return { matrix, userIds, itemIds, userIndex, itemIndex };
}

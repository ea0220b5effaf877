/**
 * Popularity baseline: every user gets the items most users interacted with. It is the bar any
 * personalised model must clear offline, and the fallback for visitors with no history at all.
 *
 *   const pop = fitPopularity(x);                 // x: users x items (interactions.ts)
 *   pop.recommend(userIdx, 20)                    // skips the user's own items
 *   pop.scores                                    // per item, for a "trending" strip
 *
 * Time decay, if wanted, belongs in the interaction weights (interactions.ts), not here.
 */
import { recommendWith, type ItemScorer, type RecommendOptions, type ScoredItem } from "./scorer";
import type { Csr } from "./sparse";

export type PopularityOptions = {
  /** "users": distinct users per item (robust to one bulk buyer); "weight": sum of interaction weights. */
  by?: "users" | "weight";
};

export type PopularityModel = ItemScorer & {
  scores: Float64Array;
  recommend(user: number, n: number, options?: RecommendOptions): ScoredItem[];
};

export function fitPopularity(x: Csr, options: PopularityOptions = {}): PopularityModel {
  const { by = "users" } = options;
  const scores = new Float64Array(x.nCols);
  for (let p = 0; p < x.indices.length; p++) {
    if (x.data[p]! === 0) continue;
    scores[x.indices[p]!]! += by === "users" ? 1 : x.data[p]!;
  }
  const model: PopularityModel = {
    nItems: x.nCols,
    scores,
    scoreUser: (_user, out) => out.set(scores),
    recommend: (user, n, opts) => recommendWith(model, x, user, n, opts),
  };
  return model;
}

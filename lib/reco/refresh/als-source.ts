import type { Neighbours } from "../similarity";
import { topN } from "../top-n";

/**
 * ALS as a candidate source: a user's score for every item is the dot product of the user's and the
 * item's latent factors (lib/reco/als.ts fits them). Dense over the catalogue, so it costs
 * nItems x factors per user: the refresh picks the factor count by catalogue size, and past a cost
 * ceiling scores through item neighbours in factor space instead (alsItemNeighbours, models.ts).
 */
export type AlsFactors = {
  factors: number;
  /** users x factors, row-major. */
  userFactors: Float64Array;
  /** items x factors, row-major. */
  itemFactors: Float64Array;
};

export function alsScores(model: AlsFactors, u: number, out: Float64Array): void {
  const f = model.factors;
  const x = model.userFactors;
  const y = model.itemFactors;
  const base = u * f;
  const nItems = out.length;
  for (let i = 0, row = 0; i < nItems; i++, row += f) {
    let s = 0;
    for (let d = 0; d < f; d++) s += x[base + d]! * y[row + d]!;
    out[i] = s;
  }
}

/**
 * Each item's k best items by the dot product of their ALS factors (positive only), best first: ALS as
 * an item-item source, scored through a user's history like item-kNN, where scoring every user against
 * every item would cost too much (models.ts sizePlan). Items without evidence (zero factors) get none.
 */
export function alsItemNeighbours(model: AlsFactors, nItems: number, k: number): Neighbours {
  const f = model.factors;
  const y = model.itemFactors;
  const active: number[] = [];
  for (let i = 0; i < nItems; i++) {
    let norm = 0;
    for (let d = 0; d < f; d++) norm += y[i * f + d]! ** 2;
    if (norm > 0) active.push(i);
  }
  const scores = new Float64Array(nItems).fill(-Infinity);
  const candidates = Int32Array.from(active);
  const rows: Int32Array[] = new Array(nItems);
  const sims: Float64Array[] = new Array(nItems);
  const indptr = new Int32Array(nItems + 1);
  for (let i = 0; i < nItems; i++) {
    rows[i] = new Int32Array(0);
    sims[i] = new Float64Array(0);
  }
  for (const i of active) {
    const base = i * f;
    for (const j of active) {
      let s = 0;
      const row = j * f;
      for (let d = 0; d < f; d++) s += y[base + d]! * y[row + d]!;
      scores[j] = j === i || !(s > 0) ? -Infinity : s;
    }
    const best = topN(scores, k, { candidates });
    rows[i] = best;
    sims[i] = Float64Array.from(best, (j) => scores[j]!);
  }
  for (let i = 0; i < nItems; i++) indptr[i + 1] = indptr[i]! + rows[i]!.length;
  const indices = new Int32Array(indptr[nItems]!);
  const values = new Float64Array(indptr[nItems]!);
  for (let i = 0; i < nItems; i++) {
    indices.set(rows[i]!, indptr[i]!);
    values.set(sims[i]!, indptr[i]!);
  }
  return { n: nItems, indptr, indices, sims: values };
}

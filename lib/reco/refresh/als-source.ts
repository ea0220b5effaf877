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
  const y = model.itemFactors;
  const xu = model.userFactors.subarray(u * f, (u + 1) * f);
  const nItems = out.length;
  // Four items per pass share each load of the user's factor: about twice the speed of one at a time,
  // and each item's sum still runs over the factors in order, so the scores are the same bits.
  let i = 0;
  for (let row = 0; i + 4 <= nItems; i += 4, row += 4 * f) {
    const r1 = row + f;
    const r2 = r1 + f;
    const r3 = r2 + f;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let d = 0; d < f; d++) {
      const v = xu[d]!;
      s0 += v * y[row + d]!;
      s1 += v * y[r1 + d]!;
      s2 += v * y[r2 + d]!;
      s3 += v * y[r3 + d]!;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < nItems; i++) {
    let s = 0;
    for (let d = 0, row = i * f; d < f; d++) s += xu[d]! * y[row + d]!;
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

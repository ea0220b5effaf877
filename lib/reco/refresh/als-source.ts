/**
 * ALS as a candidate source: a user's score for every item is the dot product of the user's and the
 * item's latent factors (lib/reco/als.ts fits them). Dense over the catalogue, so it costs
 * nItems x factors per user: the refresh picks the factor count by catalogue size (models.ts).
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

/**
 * Holm's step-down correction (Holm 1979) for a family of p-values: here every metric × every variant
 * compared with the control. It controls the family-wise error rate at alpha under any dependence
 * between the tests (metrics of the same visitors are correlated), is uniformly more powerful than
 * Bonferroni, and stays valid on always-valid sequential p-values, which is why it was chosen over
 * Benjamini-Hochberg (which controls the false discovery rate only, and assumes positive dependence).
 */

/** Holm-adjusted p-values, in the input order: min(1, max over earlier steps of (m - rank) p). */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues
    .map((p, i) => ({ p: Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1, i }))
    .sort((a, b) => a.p - b.p || a.i - b.i);
  const out = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

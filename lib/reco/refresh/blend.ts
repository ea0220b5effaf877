/**
 * hybrid.ts's blendCandidates (min-max normalisation per source, weighted sum, the reason of the
 * largest contribution, at most `maxPerCreator` items per creator) for the refresh's hot loop: the
 * same arithmetic over reusable typed arrays instead of a Map and an object per candidate, because the
 * job blends ~100,000 lists per refresh. blend.test.ts checks it returns what blendCandidates returns.
 * One difference, deliberate: among items with exactly equal blended scores the lower item index comes
 * first (blendCandidates keeps first-seen order), which is what every other ranking in lib/reco does.
 */
import { topN } from "../top-n";

/** One source's candidates for one user and slot, in struct-of-arrays form. */
export class SourceBuffer {
  items: Int32Array;
  scores: Float64Array;
  /** Per candidate: the history item behind it (item-item sources) or -1. */
  anchors: Int32Array;
  n = 0;
  weight = 0;

  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.items = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.anchors = new Int32Array(capacity);
  }

  clear(weight: number): void {
    this.n = 0;
    this.weight = weight;
  }

  push(item: number, score: number, anchor = -1): void {
    if (this.n >= this.items.length) return;
    this.items[this.n] = item;
    this.scores[this.n] = score;
    this.anchors[this.n] = anchor;
    this.n++;
  }
}

export type BlendPick = { item: number; score: number; source: number; position: number };

export class Blender {
  private readonly acc: Float64Array;
  private readonly best: Float64Array;
  private readonly bestSource: Int32Array;
  private readonly bestPosition: Int32Array;
  private readonly mark: Int32Array;
  private readonly touched: Int32Array;
  private stamp = 0;

  constructor(nItems: number) {
    this.acc = new Float64Array(nItems);
    this.best = new Float64Array(nItems);
    this.bestSource = new Int32Array(nItems);
    this.bestPosition = new Int32Array(nItems);
    this.mark = new Int32Array(nItems);
    this.touched = new Int32Array(nItems);
  }

  /**
   * The n best items over all sources, each with the source and position (within that source) of its
   * largest contribution. `creatorOf[item]` with `maxPerCreator` caps items per creator.
   */
  blend(
    sources: readonly SourceBuffer[],
    n: number,
    creatorOf: Int32Array,
    maxPerCreator: number,
    creatorCount: Int32Array,
  ): BlendPick[] {
    const stamp = ++this.stamp;
    const { acc, best, bestSource, bestPosition, mark, touched } = this;
    let count = 0;
    for (let s = 0; s < sources.length; s++) {
      const src = sources[s]!;
      if (!(src.weight > 0) || src.n === 0) continue;
      let lo = Infinity;
      let hi = -Infinity;
      for (let t = 0; t < src.n; t++) {
        const v = src.scores[t]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const range = hi - lo;
      for (let t = 0; t < src.n; t++) {
        const i = src.items[t]!;
        const contribution = src.weight * (range > 0 ? (src.scores[t]! - lo) / range : 1);
        if (mark[i] !== stamp) {
          mark[i] = stamp;
          touched[count++] = i;
          acc[i] = contribution;
          best[i] = contribution;
          bestSource[i] = s;
          bestPosition[i] = t;
        } else {
          acc[i]! += contribution;
          if (contribution > best[i]!) {
            best[i] = contribution;
            bestSource[i] = s;
            bestPosition[i] = t;
          }
        }
      }
    }
    // Enough head-room for the creator cap; fall back to a full ranking if it was not enough.
    let ranked = topN(acc, Math.min(count, 4 * n), { candidates: touched, candidateCount: count });
    let picks = this.capped(ranked, n, creatorOf, maxPerCreator, creatorCount);
    if (picks.length < n && ranked.length < count) {
      ranked = topN(acc, count, { candidates: touched, candidateCount: count });
      picks = this.capped(ranked, n, creatorOf, maxPerCreator, creatorCount);
    }
    return picks;
  }

  private capped(
    ranked: Int32Array,
    n: number,
    creatorOf: Int32Array,
    maxPerCreator: number,
    creatorCount: Int32Array,
  ): BlendPick[] {
    const out: BlendPick[] = [];
    for (const i of ranked) creatorCount[creatorOf[i]!] = 0;
    for (const i of ranked) {
      if (out.length >= n) break;
      const c = creatorOf[i]!;
      if (creatorCount[c]! >= maxPerCreator) continue;
      creatorCount[c]!++;
      out.push({ item: i, score: this.acc[i]!, source: this.bestSource[i]!, position: this.bestPosition[i]! });
    }
    return out;
  }
}

import { chooseVariation, getBucketRanges, hash } from "./hash";

export type AssignInput = {
  /** Stable experiment key, e.g. "spring-bundle-landing". */
  experimentKey: string;
  /**
   * Bumped when an experiment must be re-randomized (a new phase, a bug in a variant): a new
   * version gives everyone an independent fresh draw, while the key itself stays stable.
   */
  bucketVersion: number;
  visitorId: string;
  /** Share of visitors in the experiment, [0, 1]; defaults to 1. */
  coverage?: number;
  /** One weight per variant, summing to 1; its length is the number of variants. */
  weights: readonly number[];
};

/** The seed hashed with the visitor id; exported so analysis code can recompute buckets. */
export function assignmentSeed(experimentKey: string, bucketVersion: number): string {
  return `${experimentKey}:v${bucketVersion}`;
}

/**
 * Sticky, stateless assignment: the same inputs give the same variant on every server, so no
 * assignment table is needed to serve traffic (see DESIGN.md, Scale). Hash version 2 because
 * version 1 correlates experiments whose keys share a prefix.
 * Returns null when the visitor falls outside coverage or there are no variants.
 */
export function assignVariant(input: AssignInput): { variant: number } | null {
  const { experimentKey, bucketVersion, visitorId, coverage = 1, weights } = input;
  if (weights.length === 0) return null;
  const n = hash(assignmentSeed(experimentKey, bucketVersion), visitorId, 2);
  if (n === null) return null;
  const variant = chooseVariation(n, getBucketRanges(weights.length, coverage, weights));
  return variant < 0 ? null : { variant };
}

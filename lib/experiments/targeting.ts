/**
 * Segment targeting of a campaign experiment: the marketer picks named segments (the refresh's user
 * clusters, keyed by lib/reco/segment-names.ts) and only their members take part.
 *
 * The proxy cannot apply this rule: it answers from a config cache without touching the database, and a
 * visitor's segment lives there (user_cluster). So the proxy assigns as usual and marks the experiment as
 * segment-targeted (RuntimeExperiment.audience.clusters), and the landing render, which can read the
 * database, applies the rule below before it records an exposure. Outside the segments the visitor sees
 * the control and is not counted, exactly like a visitor outside coverage: they are no part of the
 * experiment, so neither their visit nor their orders enter its results.
 */

/** Everyone when no segment is chosen; otherwise a member of at least one chosen segment. */
export function inTargetedSegments(targeted: readonly string[], memberOf: readonly string[]): boolean {
  if (targeted.length === 0) return true;
  return memberOf.some((key) => targeted.includes(key));
}

type Decision<V> = { variant: V; counted: boolean; source: string };

/**
 * The landing decision after segment targeting: unchanged for members (and for previews and visits that
 * do not count anyway), the control and not counted for anyone else. `memberOf` is only read when it
 * matters, so the database is asked only for counted visits of targeted campaigns.
 */
export async function applySegmentTargeting<V, D extends Decision<V>>(
  decision: D,
  { targeted, control, memberOf }: { targeted: readonly string[]; control: V; memberOf: () => Promise<string[]> },
): Promise<D | { variant: V; counted: false; source: "control" }> {
  if (!decision.counted || targeted.length === 0) return decision;
  if (inTargetedSegments(targeted, await memberOf())) return decision;
  return { variant: control, counted: false, source: "control" };
}

/**
 * Candidate sources that are not item-item neighbour walks: LDA topics, personalized PageRank over the
 * follow graph, and popularity lists. Each is computed once per user for every kind of item; the slots
 * then keep the kinds they show.
 */
import { buildGraph, personalizedPageRank, type Edge } from "../pagerank";
import { topN } from "../top-n";
import type { LoadedData } from "./load";
import type { Topics } from "./models";
import type { Prepared } from "./prepare";

export type Allowed = (item: number) => boolean;

/** A scored list (best first) in reusable buffers. */
export class ScoredList {
  readonly items: Int32Array;
  readonly scores: Float64Array;
  /** Per entry: source-specific detail (the followed-creator flag for the graph). */
  readonly flags: Uint8Array;
  n = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
  }
}

/**
 * Items of the user's two strongest topics, scored by the dot product of topic mixtures (best first,
 * into `out`). Returns the user's strongest topic (for the reason's tag), or -1 without evidence.
 */
export function ldaCandidates(
  topics: Topics,
  u: number,
  allowed: Allowed,
  out: ScoredList,
  order: Float64Array,
  seen: Int32Array,
  stamp: number,
): number {
  out.n = 0;
  const kT = topics.model.nTopics;
  const mix = topics.userMix.subarray(u * kT, (u + 1) * kT);
  let total = 0;
  for (let z = 0; z < kT; z++) total += mix[z]!;
  if (!(total > 0)) return -1;
  const best = topN(mix, 2);
  const docTopic = topics.model.docTopic;
  const cap = out.items.length;
  let n = 0;
  for (const z of best) {
    for (const i of topics.topItems[z]!) {
      if (n >= cap) break;
      if (seen[i] === stamp || !allowed(i)) continue;
      seen[i] = stamp;
      let score = 0;
      for (let y = 0; y < kT; y++) score += mix[y]! * docTopic[i * kT + y]!;
      out.items[n] = i;
      order[n] = score;
      n++;
    }
  }
  sortByScore(out, order, n);
  return best[0]!;
}

/** The item's tag that weighs most in topic z ("because you like Sumi-e"). */
export function topicTagFor(topics: Topics, z: number, itemTags: readonly string[]): string | null {
  const tags = z >= 0 ? (topics.topTags[z] ?? []) : [];
  return tags.find((t) => itemTags.includes(t)) ?? itemTags[0] ?? null;
}

export type FollowGraph = {
  creatorsOf: Map<string, string[]>;
  usersOf: Map<string, string[]>;
  itemsOfCreator: Map<string, number[]>;
};

export function buildFollowGraph(prep: Prepared, data: LoadedData): FollowGraph {
  const creatorsOf = new Map<string, string[]>();
  const usersOf = new Map<string, string[]>();
  for (const f of data.follows) {
    const map = f.targetKind === "creator" ? creatorsOf : usersOf;
    const list = map.get(f.followerId) ?? [];
    list.push(f.targetId);
    map.set(f.followerId, list);
  }
  const itemsOfCreator = new Map<string, number[]>();
  prep.items.forEach((it, i) => {
    if (!prep.recommendable[i]) return;
    const list = itemsOfCreator.get(it.creatorId) ?? [];
    list.push(i);
    itemsOfCreator.set(it.creatorId, list);
  });
  return { creatorsOf, usersOf, itemsOfCreator };
}

/**
 * Personalized PageRank restarted at the user, on the user's two-hop neighbourhood of the follow graph:
 * user -> followed creators and users; followed users -> their creators and their purchases; creators
 * -> their items. Beyond two hops the walk's mass is negligible at damping 0.85 with restarts at the
 * user, and a per-user subgraph keeps the cost proportional to what the user follows, not to the site.
 * Fills `out` best first; flags[t] = 1 when the item's creator is followed directly.
 */
export function graphCandidates(
  prep: Prepared,
  graph: FollowGraph,
  userId: string,
  allowed: Allowed,
  popularity: Float64Array,
  out: ScoredList,
  order: Float64Array,
): void {
  out.n = 0;
  const creators = graph.creatorsOf.get(userId) ?? [];
  const people = graph.usersOf.get(userId) ?? [];
  if (creators.length === 0 && people.length === 0) return;
  const edges: Edge[] = [];
  const creatorNodes = new Set<string>();
  const me = `u:${userId}`;
  for (const c of creators) {
    edges.push({ from: me, to: `c:${c}` });
    creatorNodes.add(c);
  }
  for (const v of people) {
    edges.push({ from: me, to: `u:${v}` });
    for (const c of graph.creatorsOf.get(v) ?? []) {
      edges.push({ from: `u:${v}`, to: `c:${c}` });
      creatorNodes.add(c);
    }
    const vu = prep.userIndex.get(v);
    if (vu !== undefined) {
      for (let p = prep.owned.indptr[vu]!; p < prep.owned.indptr[vu + 1]!; p++)
        edges.push({ from: `u:${v}`, to: `i:${prep.owned.indices[p]!}` });
    }
  }
  for (const c of creatorNodes)
    for (const i of graph.itemsOfCreator.get(c) ?? []) edges.push({ from: `c:${c}`, to: `i:${i}` });
  const { scores } = personalizedPageRank(buildGraph(edges, [me]), { [me]: 1 }, { tol: 1e-8, maxIter: 50 });
  const direct = new Set(creators);
  const cap = out.items.length;
  let n = 0;
  for (const [node, mass] of scores) {
    if (n >= cap) break;
    if (!node.startsWith("i:") || !(mass > 0)) continue;
    const i = Number(node.slice(2));
    if (!allowed(i)) continue;
    out.items[n] = i;
    // Equal walk mass among one creator's items: popularity breaks the tie, scaled far below the mass.
    order[n] = mass * (1 + 1e-3 * Math.log1p(popularity[i]!));
    out.flags[n] = direct.has(prep.items[i]!.creatorId) ? 1 : 0;
    n++;
  }
  sortByScore(out, order, n);
}

/** Sorts the first n entries of `list` by `order` (scores), best first, ties to the lower item. */
function sortByScore(list: ScoredList, order: Float64Array, n: number): void {
  const idx = Array.from({ length: n }, (_, t) => t);
  idx.sort((a, b) => order[b]! - order[a]! || list.items[a]! - list.items[b]!);
  const items = idx.map((t) => list.items[t]!);
  const flags = idx.map((t) => list.flags[t]!);
  for (let t = 0; t < n; t++) {
    list.items[t] = items[t]!;
    list.scores[t] = order[idx[t]!]!;
    list.flags[t] = flags[t]!;
  }
  list.n = n;
}

/** Items ordered by a popularity vector, best first, among the allowed ones. */
export function rankedBy(scores: Float64Array, allowed: Allowed, limit: number): Int32Array {
  const masked = Float64Array.from(scores, (s, i) => (allowed(i) && s > 0 ? s : -Infinity));
  return topN(masked, limit);
}

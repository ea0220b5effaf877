/**
 * Candidate sources that are not item-item neighbour walks: LDA topics, personalized PageRank over the
 * follow graph, and popularity (site-wide and within the user's cluster). Each returns scored item
 * indices with a reason; recommend.ts blends them.
 */
import type { Candidate, Reason } from "../hybrid";
import { buildGraph, personalizedPageRank, type Edge } from "../pagerank";
import { topN } from "../top-n";
import type { LoadedData } from "./load";
import type { Topics } from "./models";
import type { Prepared } from "./prepare";

export type Allowed = (item: number) => boolean;

/**
 * Items of the user's two strongest topics, scored by the dot product of topic mixtures; the reason
 * names the item's tag that weighs most in the user's top topic ("because you like Sumi-e").
 */
export function ldaCandidates(topics: Topics, u: number, allowed: Allowed, limit: number, itemTags: string[][]): Candidate<number>[] {
  const kT = topics.model.nTopics;
  const mix = topics.userMix.subarray(u * kT, (u + 1) * kT);
  let total = 0;
  for (let z = 0; z < kT; z++) total += mix[z]!;
  if (!(total > 0)) return [];
  const best = topN(mix, 2);
  const seen = new Set<number>();
  const out: Candidate<number>[] = [];
  const docTopic = topics.model.docTopic;
  for (const z of best) {
    const tagsOfTopic = topics.topTags[z] ?? [];
    for (const i of topics.topItems[z]!) {
      if (seen.has(i) || !allowed(i)) continue;
      seen.add(i);
      let score = 0;
      for (let y = 0; y < kT; y++) score += mix[y]! * docTopic[i * kT + y]!;
      const tag = tagsOfTopic.find((t) => itemTags[i]!.includes(t)) ?? itemTags[i]![0];
      out.push({ itemId: i, score, reason: tag ? { kind: "tag", tag } : { kind: "popular" } });
      if (out.length >= limit * 2) break;
    }
  }
  return out.sort((a, b) => b.score - a.score || a.itemId - b.itemId).slice(0, limit);
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
 */
export function graphCandidates(prep: Prepared, graph: FollowGraph, userId: string, allowed: Allowed, limit: number, popularity: Float64Array): Candidate<number>[] {
  const creators = graph.creatorsOf.get(userId) ?? [];
  const people = graph.usersOf.get(userId) ?? [];
  if (creators.length === 0 && people.length === 0) return [];
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
      for (let p = prep.owned.indptr[vu]!; p < prep.owned.indptr[vu + 1]!; p++) edges.push({ from: `u:${v}`, to: `i:${prep.owned.indices[p]!}` });
    }
  }
  for (const c of creatorNodes) for (const i of graph.itemsOfCreator.get(c) ?? []) edges.push({ from: `c:${c}`, to: `i:${i}` });
  const { scores } = personalizedPageRank(buildGraph(edges, [me]), { [me]: 1 }, { tol: 1e-8, maxIter: 50 });
  const direct = new Set(creators);
  const out: Candidate<number>[] = [];
  for (const [node, mass] of scores) {
    if (!node.startsWith("i:") || !(mass > 0)) continue;
    const i = Number(node.slice(2));
    if (!allowed(i)) continue;
    const creatorId = prep.items[i]!.creatorId;
    // Equal walk mass among one creator's items: popularity breaks the tie, scaled far below the mass.
    const reason: Reason<number> = direct.has(creatorId) ? { kind: "followed_creator", creatorId } : { kind: "graph" };
    out.push({ itemId: i, score: mass * (1 + 1e-3 * Math.log1p(popularity[i]!)), reason });
  }
  return out.sort((a, b) => b.score - a.score || a.itemId - b.itemId).slice(0, limit);
}

/** Items ordered by a popularity vector, best first, among the allowed ones. */
export function rankedBy(scores: Float64Array, allowed: Allowed, limit: number): Int32Array {
  const masked = Float64Array.from(scores, (s, i) => (allowed(i) && s > 0 ? s : -Infinity));
  return topN(masked, limit);
}

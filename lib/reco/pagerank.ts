/**
 * Personalized PageRank by power iteration over a directed graph of users, creators and items (follows,
 * purchases, "made by" edges), restarting at the user being served: nodes reachable by many short,
 * heavily weighted paths from the user score high.
 *
 *   const graph = buildGraph(edges);                 // once per refresh
 *   const { scores } = personalizedPageRank(graph, { "user:42": 1 }, { damping: 0.85 });
 *
 * Iteration: x' = d * (P^T x + dangling(x) * r) + (1 - d) * r, where P row-normalises each node's
 * out-edge weights and r is the restart distribution. Mass at dangling nodes (no out-edges) returns to
 * the restart vector rather than spreading uniformly: a recommendation walk should not teleport to
 * strangers' items. Stops when the L1 change is below tol.
 */

export type Edge = { from: string; to: string; weight?: number };

export type Graph = {
  ids: string[];
  index: Map<string, number>;
  /** Out-edges in CSR layout with transition probabilities (each node's weights sum to 1). */
  indptr: Int32Array;
  targets: Int32Array;
  probs: Float64Array;
};

export type PageRankOptions = {
  /** Probability of following an edge rather than restarting. Default 0.85. */
  damping?: number;
  /** L1 change between iterations at which to stop. Default 1e-10. */
  tol?: number;
  maxIter?: number;
};

export type PageRankResult = {
  /** Stationary probability per node id (sums to 1). */
  scores: Map<string, number>;
  /** The same, dense in graph.ids order. */
  vector: Float64Array;
  iterations: number;
  converged: boolean;
};

/** Builds the transition structure. Parallel edges add their weights; non-positive weights are dropped. */
export function buildGraph(edges: Iterable<Edge>, nodes: Iterable<string> = []): Graph {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = ids.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  for (const s of nodes) id(s);
  const from: number[] = [];
  const to: number[] = [];
  const w: number[] = [];
  for (const e of edges) {
    const weight = e.weight ?? 1;
    if (!Number.isFinite(weight)) throw new RangeError(`buildGraph: edge ${e.from} -> ${e.to} has weight ${weight}`);
    const a = id(e.from);
    const b = id(e.to);
    if (weight <= 0) continue;
    from.push(a);
    to.push(b);
    w.push(weight);
  }
  const n = ids.length;
  const indptr = new Int32Array(n + 1);
  for (const a of from) indptr[a + 1]!++;
  for (let i = 0; i < n; i++) indptr[i + 1]! += indptr[i]!;
  const fill = indptr.slice(0, n);
  const targets = new Int32Array(from.length);
  const probs = new Float64Array(from.length);
  const outWeight = new Float64Array(n);
  for (let t = 0; t < from.length; t++) outWeight[from[t]!]! += w[t]!;
  for (let t = 0; t < from.length; t++) {
    const q = fill[from[t]!]!++;
    targets[q] = to[t]!;
    probs[q] = w[t]! / outWeight[from[t]!]!;
  }
  return { ids, index, indptr, targets, probs };
}

/** Power iteration on a built graph with a dense restart vector (non-negative, normalised here). */
export function pagerankVector(graph: Graph, restart: Float64Array, options: PageRankOptions = {}) {
  const { damping = 0.85, tol = 1e-10, maxIter = 200 } = options;
  if (!(damping >= 0 && damping < 1)) throw new RangeError(`pagerank: damping must be in [0, 1), got ${damping}`);
  const n = graph.ids.length;
  if (restart.length !== n) throw new RangeError(`pagerank: restart has ${restart.length} entries for ${n} nodes`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(restart[i]! >= 0)) throw new RangeError(`pagerank: restart weight of ${graph.ids[i]} is ${restart[i]}`);
    total += restart[i]!;
  }
  if (!(total > 0)) throw new RangeError("pagerank: restart vector has no positive weight");
  const r = Float64Array.from(restart, (v) => v / total);
  let x = Float64Array.from(r);
  let next = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    iterations++;
    next.fill(0);
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      const xu = x[u]!;
      const start = graph.indptr[u]!;
      const end = graph.indptr[u + 1]!;
      if (start === end) {
        dangling += xu;
        continue;
      }
      for (let p = start; p < end; p++) next[graph.targets[p]!]! += xu * graph.probs[p]!;
    }
    let change = 0;
    for (let v = 0; v < n; v++) {
      const value = damping * (next[v]! + dangling * r[v]!) + (1 - damping) * r[v]!;
      change += Math.abs(value - x[v]!);
      next[v] = value;
    }
    const tmp = x;
    x = next;
    next = tmp;
    if (change < tol) {
      converged = true;
      break;
    }
  }
  return { vector: x, iterations, converged };
}

/**
 * Personalized PageRank from a restart distribution given by node id (e.g. { "user:42": 1 }, or the user
 * plus the creators they follow). Unknown restart ids throw: a typo would otherwise silently return
 * nothing useful.
 */
export function personalizedPageRank(
  graph: Graph,
  restart: Readonly<Record<string, number>> | ReadonlyMap<string, number>,
  options: PageRankOptions = {},
): PageRankResult {
  const r = new Float64Array(graph.ids.length);
  const entries = restart instanceof Map ? [...restart.entries()] : Object.entries(restart);
  for (const [id, w] of entries) {
    const i = graph.index.get(id);
    if (i === undefined) throw new RangeError(`pagerank: restart node ${id} is not in the graph`);
    r[i] = w;
  }
  const { vector, iterations, converged } = pagerankVector(graph, r, options);
  const scores = new Map<string, number>();
  graph.ids.forEach((id, i) => scores.set(id, vector[i]!));
  return { scores, vector, iterations, converged };
}

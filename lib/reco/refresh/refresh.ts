/**
 * The recommendation refresh: load from the database, compute, store atomically.
 *
 *   const summary = await refreshRecommendations(db, { onStage: (s) => console.log(s.stage, s.ms) });
 *
 * Stages (each reported with its duration): load -> prepare -> content (TF-IDF, LDA, popularity) ->
 * clusters (features, k by silhouette, profiles) -> tune (hyper-parameters and blend weights on a
 * validation split, tune.ts) -> models (item-kNN, EASE or ALS, RP3beta, user-kNN with the tuned
 * values) -> neighbours -> recommendations (computed and appended to a staged generation in chunks,
 * store.ts) -> write (flip to the new generation, delete old ones). What the tuner
 * chose is stored with the generation (reco_state.stats.tuning) and shown in the studio. Used by `npm run reco:refresh`, the studio's "Recompute
 * now" action and the benchmark alike.
 */
import type { Db } from "@/db/client";
import { clusterUsers, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from "./clusters";
import { chunkPool } from "../kmeans-pool";
import { itemNeighbourRows } from "./item-neighbours";
import { emptyCells, loadRefreshData } from "./load";
import {
  DEFAULT_MODEL_OPTIONS,
  fitModels,
  fitSideModels,
  sizePlan,
  strongModelName,
  type ModelOptions,
} from "./models";
import { prepare } from "./prepare";
import { DEFAULT_RECOMMEND_OPTIONS, recommendAll, type RecommendOptions } from "./recommend";
import { weightedSources } from "./slot-recommender";
import { insertRecommendationRows, publishGeneration, publishedGeneration, stageGeneration } from "./store";
import { DEFAULT_TUNE_OPTIONS, tuneServing, type TuneOptions, type TuneResult } from "./tune";

/** Progress lines for the log and `npm run reco:refresh`, not a page: English digit grouping. */
const grouped = new Intl.NumberFormat("en-US").format;

export type StageReport = { stage: string; ms: number; detail?: string };

export type RefreshOptions = {
  /** Reference time for decay, recency and trends (epoch ms); the wall clock by default. */
  now?: number;
  seed?: number;
  models?: Partial<ModelOptions>;
  clusters?: Partial<ClusterOptions>;
  recommend?: Partial<RecommendOptions>;
  tune?: Partial<TuneOptions>;
  /**
   * Called after each stage; a returned promise is awaited before the next one, so a caller that
   * records progress (the worker's run row) is written while the long synchronous stages run.
   */
  onStage?: (report: StageReport) => void | Promise<void>;
  onProgress?: (message: string) => void;
};

export type RefreshSummary = {
  generation: number;
  totalMs: number;
  stages: StageReport[];
  counts: {
    users: number;
    visitors: number;
    items: number;
    cells: number;
    clustered: number;
    recommendations: number;
    neighbours: number;
  };
  clusters: { k: number; scores: { k: number; silhouette: number; inertia: number }[] };
  /** The strong model the catalogue's size calls for (models.ts sizePlan). */
  strongModel: "ease" | "als" | "rp3beta";
  /** Costly sources the tuned blend gave no weight in any slot, so they were not fitted. */
  unweighted: string[];
  tuning: TuneResult;
  userKnn: boolean;
};

// One refresh per process at a time: a second click on "Recompute now" waits for the first instead of
// doubling the load (the advisory lock in store.ts also serialises refreshes across processes).
let running: Promise<RefreshSummary> | null = null;

export function isRefreshRunning(): boolean {
  return running !== null;
}

export function refreshRecommendations(db: Db, options: RefreshOptions = {}): Promise<RefreshSummary> {
  const run = (running ?? Promise.resolve()).catch(() => undefined).then(() => doRefresh(db, options));
  running = run;
  void run
    .finally(() => {
      if (running === run) running = null;
    })
    .catch(() => undefined);
  return run;
}

async function doRefresh(db: Db, options: RefreshOptions): Promise<RefreshSummary> {
  const now = options.now ?? Date.now();
  const seed = options.seed ?? 42;
  const stages: StageReport[] = [];
  const started = performance.now();
  let last = started;
  const stage = async (name: string, detail?: string) => {
    const t = performance.now();
    const report = { stage: name, ms: t - last, detail };
    stages.push(report);
    await options.onStage?.(report);
    // The caller's own time (a progress write) counts to no stage.
    last = performance.now();
  };

  // k-means's worker threads start while the event loop turns (during the loads below), not while a
  // synchronous kmeans() call holds it; created here they are ready for the clusters stage.
  chunkPool();
  const data = await loadRefreshData(db, {
    now,
    onQuery: (name, ms, rows) =>
      options.onProgress?.(`  query ${name}: ${grouped(rows)} rows in ${(ms / 1000).toFixed(2)} s`),
  });
  await stage(
    "load",
    `${data.cells.userKey.length} cells, ${data.items.length} items, ${data.userStats.length} user aggregates`,
  );

  const prep = prepare(data);
  // Everything after this reads the cells through prep's matrices: let the columns go before the
  // memory-hungry stages (4M cells at 250k users).
  data.cells = emptyCells();
  const visitors = prep.isVisitor.reduce((s, v) => s + v, 0);
  await stage(
    "prepare",
    `${prep.userKeys.length} users (${visitors} visitors) x ${prep.nItems} items, ${prep.x.data.length} non-zero`,
  );

  const modelOptions = { ...DEFAULT_MODEL_OPTIONS, seed, ...options.models };
  const side = fitSideModels(prep, data, modelOptions);
  await stage(
    "content",
    Object.entries(side.timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(", "),
  );

  const clusters = clusterUsers(prep, data, side.topics, { ...DEFAULT_CLUSTER_OPTIONS, seed, ...options.clusters });
  const chosen = clusters.scores.find((s) => s.k === clusters.k);
  await stage(
    "clusters",
    `${clusters.users.length} users, k = ${clusters.k}${chosen ? ` (silhouette ${chosen.silhouette.toFixed(3)})` : ""}`,
  );

  const recommendOptions = { ...DEFAULT_RECOMMEND_OPTIONS, seed, ...options.recommend };
  const tuning = tuneServing(prep, data, clusters, side, modelOptions, recommendOptions, {
    ...DEFAULT_TUNE_OPTIONS,
    ...options.tune,
  });
  // A slot too few people could validate keeps the prior (FALLBACK_WEIGHTS): for_you's learned mix
  // would not do, since a cross-domain slot exists to walk from the other kind's history.
  const baseWeights = Object.fromEntries(
    Object.entries(recommendOptions.baseWeights).map(([slot, w]) => [
      slot,
      tuning.weights[slot as keyof typeof tuning.weights] ?? w,
    ]),
  ) as RecommendOptions["baseWeights"];
  await stage(
    "tune",
    `${tuning.trials.length} trials, ${Object.entries(tuning.validation)
      .map(
        ([slot, v]) =>
          `${slot} ndcg@10 ${v.blend.toFixed(3)} (best single ${v.best.source} ${v.best.ndcg.toFixed(3)}, ${v.users} users)`,
      )
      .join("; ")}${tuning.skipped.length > 0 ? `; budget left at defaults: ${tuning.skipped.join(", ")}` : ""}`,
  );

  const plan = sizePlan(prep.x, modelOptions);
  const weighted = weightedSources(baseWeights);
  const models = fitModels(prep.x, side, modelOptions, tuning.params, weighted);
  // Costly sources the size plan allows but the learned blend weighs nowhere: not fitted (models.ts).
  const unweighted = (["ease", "als", "userknn"] as const).filter(
    (s) => plan[s === "userknn" ? "userKnn" : s] && !weighted.has(s),
  );
  await stage(
    "models",
    `${Object.entries(models.timings)
      .filter(([k]) => !(k in side.timings))
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(", ")}${models.userKnn ? ", userknn on" : plan.userKnn ? "" : ", userknn skipped (too costly)"}${
      unweighted.length > 0 ? `; not fitted, no weight in any slot: ${unweighted.join(", ")}` : ""
    }`,
  );

  const neighbours = itemNeighbourRows(prep, models.cf, models.content);
  await stage("neighbours", `${neighbours.productId.length} rows`);

  // Clusters and neighbours go in under a fresh generation number first; the lists follow in chunks as
  // they are computed (store.ts), so writing overlaps computing and the rows never pile up in memory.
  const staged = await stageGeneration(db, {
    clusters: clusters.profiles.map((profile, c) => ({ clusterId: c, size: profile.size, profile })),
    userClusters: {
      userId: Array.from(clusters.users, (u) => prep.userKeys[u]!),
      clusterId: Array.from(clusters.labels),
    },
    neighbours,
  });
  const reco = await recommendAll(
    prep,
    data,
    models,
    clusters,
    { ...recommendOptions, baseWeights },
    {
      onProgress: (done, total) => options.onProgress?.(`  recommendations ${grouped(done)} / ${grouped(total)} users`),
      sink: (rows) => insertRecommendationRows(db, staged.generation, rows).then(() => undefined),
    },
  );
  await stage(
    "recommendations",
    `${reco.rowCount} rows for ${reco.usersWithLists} users, written to generation ${staged.generation} as computed`,
  );

  const counts = {
    users: prep.userKeys.length - visitors,
    visitors,
    items: prep.nItems,
    cells: prep.x.data.length,
    clustered: clusters.users.length,
    recommendations: reco.rowCount,
    neighbours: neighbours.productId.length,
  };
  const rows = { ...staged.rows, recommendation: reco.rowCount };
  const written = await publishGeneration(db, staged.generation, {
    refreshedAt: new Date(now),
    stats: {
      counts,
      rows,
      k: clusters.k,
      silhouette: clusters.scores,
      strongModel: strongModelName(plan),
      unweighted,
      userKnn: models.userKnn !== null,
      weights: reco.weights,
      tuning: {
        params: tuning.params,
        weights: baseWeights,
        validation: tuning.validation,
        skipped: tuning.skipped,
        trials: tuning.trials.length,
        ms: Math.round(tuning.ms),
        budgetMs: tuning.budgetMs,
      },
      stages: stages.map((s) => ({ stage: s.stage, ms: Math.round(s.ms) })),
    },
  });
  await stage(
    "write",
    written.published
      ? `generation ${staged.generation} published in ${(written.flipMs / 1000).toFixed(2)} s (${Object.entries(rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}); old generations deleted in ${(written.cleanupMs / 1000).toFixed(2)} s`
      : `generation ${staged.generation} dropped: a newer one was published meanwhile`,
  );

  return {
    generation: written.published ? staged.generation : await publishedGeneration(db),
    totalMs: performance.now() - started,
    stages,
    counts,
    clusters: { k: clusters.k, scores: clusters.scores },
    strongModel: strongModelName(plan),
    unweighted,
    tuning,
    userKnn: models.userKnn !== null,
  };
}

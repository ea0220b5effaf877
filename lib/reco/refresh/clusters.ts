/**
 * Interest groups of signed-in users for marketers: standardized feature vectors (features.ts), k-means
 * with k chosen by silhouette in a range (kmeans.ts), and per cluster a profile a marketer can read:
 * size, defining tags, domain mix, spend, top items, LDA topics, weekly active members, and a name in
 * both languages with the key campaigns target (segment-names.ts).
 */
import { createRng } from "../../random";
import { userFeatures, standardize, type UserAggregates } from "../features";
import { chooseK, kmeans } from "../kmeans";
import { nameSegments, type SegmentName } from "../segment-names";
import type { DenseMatrix } from "../matrix";
import type { LoadedData, TagInfo } from "./load";
import { TREND_WEEKS } from "./load";
import type { Topics } from "./models";
import { KIND, type Prepared } from "./prepare";

export type ClusterOptions = {
  seed: number;
  kMin: number;
  kMax: number;
  nInit: number;
  tagColumns: number;
  /** k is chosen on a sample of this many users, then fitted on everyone. */
  chooseSample: number;
  /** Points scored per silhouette (sampled, as scikit-learn's silhouette_score(sample_size)). */
  silhouetteSample: number;
};
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  seed: 42,
  kMin: 3,
  kMax: 8,
  nInit: 2,
  tagColumns: 20,
  chooseSample: 6000,
  silhouetteSample: 1000,
};

export type ClusterProfile = {
  label: string[];
  size: number;
  share: number;
  /** courseShare: of the members' interactions with this tag, the share on courses (the rest: artworks). */
  tags: { slug: string; name: string; nameZh: string; share: number; lift: number; courseShare: number }[];
  domainMix: { course: number; artwork: number };
  spend: { avgMinor: number; currency: string; purchasesPerMember: number; buyersShare: number };
  topItems: { id: string; slug: string; title: string; kind: string; members: number }[];
  topics: { topic: number; weight: number; tags: string[] }[];
  trend: { weekStart: string; active: number }[];
  centroid: Record<string, number>;
  /**
   * Name and target key, stored with the profile rather than made at read time: the landing page's
   * audience check matches the key in SQL, and the name marketers picked must be the one they see.
   */
  segment: SegmentName;
};

export type ClusterResult = {
  k: number;
  scores: { k: number; silhouette: number; inertia: number }[];
  /** Index into prep.userKeys per clustered user, with its label. */
  users: Int32Array;
  labels: Int32Array;
  /** Per user index (prep space): cluster or -1. */
  clusterOfUser: Int32Array;
  profiles: ClusterProfile[];
};

const WEEK_MS = 7 * 86_400_000;
const TOP_ITEMS_PER_KIND = 4;

export function clusterUsers(
  prep: Prepared,
  data: LoadedData,
  topics: Topics | null,
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): ClusterResult {
  const { counts, items, kindOf } = prep;
  const statsById = new Map(data.userStats.map((s) => [s.userId, s]));
  const members: number[] = [];
  for (let u = 0; u < prep.userKeys.length; u++)
    if (!prep.isVisitor[u] && counts.indptr[u + 1]! > counts.indptr[u]!) members.push(u);
  const n = members.length;

  // Tag columns: the most used tags overall, so the vocabulary follows what people actually browse.
  const tagTotals = new Map<string, number>();
  const course = new Float64Array(n);
  const art = new Float64Array(n);
  const tagCounts: Record<string, number>[] = new Array(n);
  members.forEach((u, m) => {
    const tc: Record<string, number> = {};
    for (let p = counts.indptr[u]!; p < counts.indptr[u + 1]!; p++) {
      const i = counts.indices[p]!;
      const c = counts.data[p]!;
      if (kindOf[i] === KIND.course) course[m]! += c;
      else art[m]! += c;
      for (const tag of items[i]!.tags) {
        tc[tag] = (tc[tag] ?? 0) + c;
        tagTotals.set(tag, (tagTotals.get(tag) ?? 0) + c);
      }
    }
    tagCounts[m] = tc;
  });
  const vocabulary = [...tagTotals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.tagColumns)
    .map(([t]) => t);
  const aggregates: UserAggregates[] = members.map((u, m) => {
    const key = prep.userKeys[u]!;
    const s = statsById.get(key);
    return {
      userId: key,
      courseInteractions: course[m]!,
      artInteractions: art[m]!,
      dwellMeanSeconds: s?.dwellMeanSeconds ?? 0,
      dwellMedianSeconds: s?.dwellMedianSeconds ?? 0,
      purchases: Math.max(s?.purchases ?? 0, ownedCount(prep, u)),
      spendMinor: Math.max(s?.spendMinor ?? 0, data.orderSpend.get(key) ?? 0),
      firstSeenAt: s?.firstSeenAt ?? data.now,
      lastSeenAt: s?.lastSeenAt ?? data.now,
      tagCounts: tagCounts[m]!,
    };
  });
  const clusterOfUser = new Int32Array(prep.userKeys.length).fill(-1);
  if (n === 0)
    return { k: 0, scores: [], users: new Int32Array(0), labels: new Int32Array(0), clusterOfUser, profiles: [] };

  const features = userFeatures(aggregates, { now: data.now, tagVocabulary: vocabulary });
  const z = standardize(features.matrix).matrix;
  let k = 1;
  let labels: Int32Array;
  let scores: ClusterResult["scores"] = [];
  if (n > options.kMin) {
    // k is chosen on a sample (silhouettes are sampled anyway), then fitted on everyone.
    const sample = sampleRows(z, options.chooseSample, options.seed);
    const chosen = chooseK(sample, {
      kMin: options.kMin,
      kMax: Math.min(options.kMax, sample.nRows - 1),
      nInit: options.nInit,
      seed: options.seed,
      sampleSize: options.silhouetteSample,
    });
    k = chosen.k;
    scores = chosen.scores;
    labels = Int32Array.from(
      sample === z ? chosen.result.labels : kmeans(z, k, { seed: options.seed, nInit: options.nInit }).labels,
    );
  } else {
    labels = new Int32Array(n);
  }
  members.forEach((u, m) => (clusterOfUser[u] = labels[m]!));

  const profiles = buildProfiles({
    prep,
    data,
    topics,
    members,
    labels,
    k,
    aggregates,
    course,
    art,
    columns: features.columns,
    z,
  });
  return { k, scores, users: Int32Array.from(members), labels, clusterOfUser, profiles };
}

function ownedCount(prep: Prepared, u: number): number {
  return prep.owned.indptr[u + 1]! - prep.owned.indptr[u]!;
}

function sampleRows(m: DenseMatrix, size: number, seed: number): DenseMatrix {
  if (m.nRows <= size) return m;
  const rng = createRng(seed ^ 0x51a7);
  const idx = Int32Array.from({ length: m.nRows }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(m.nRows - i);
    const tmp = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = tmp;
  }
  const data = new Float64Array(size * m.nCols);
  for (let r = 0; r < size; r++) data.set(m.data.subarray(idx[r]! * m.nCols, (idx[r]! + 1) * m.nCols), r * m.nCols);
  return { nRows: size, nCols: m.nCols, data };
}

type ProfileInput = {
  prep: Prepared;
  data: LoadedData;
  topics: Topics | null;
  members: number[];
  labels: Int32Array;
  k: number;
  aggregates: UserAggregates[];
  course: Float64Array;
  art: Float64Array;
  columns: string[];
  z: DenseMatrix;
};

function buildProfiles(input: ProfileInput): ClusterProfile[] {
  const profiles = buildUnnamedProfiles(input);
  const names = nameSegments(profiles);
  return profiles.map((p, c) => ({ ...p, segment: names[c]! }));
}

function buildUnnamedProfiles(input: ProfileInput): Omit<ClusterProfile, "segment">[] {
  const { prep, data, topics, members, labels, k, aggregates, course, art, columns } = input;
  const n = members.length;
  const tagInfo = new Map<string, TagInfo>(data.tags.map((t) => [t.slug, t]));
  const currency = mostCommon(prep.items.map((it) => it.currency)) ?? "USD";
  const statsById = new Map(data.userStats.map((s) => [s.userId, s]));
  const overallTags = new Map<string, number>();
  let overallTotal = 0;
  for (const a of aggregates)
    for (const [t, c] of Object.entries(a.tagCounts)) {
      overallTags.set(t, (overallTags.get(t) ?? 0) + c);
      overallTotal += c;
    }
  const profiles: Omit<ClusterProfile, "segment">[] = [];
  for (let c = 0; c < k; c++) {
    const idx: number[] = [];
    for (let m = 0; m < n; m++) if (labels[m] === c) idx.push(m);
    const size = idx.length;
    const tags = new Map<string, number>();
    let tagTotal = 0;
    let courseN = 0;
    let artN = 0;
    let spend = 0;
    let purchases = 0;
    let buyers = 0;
    const itemMembers = new Map<number, number>();
    const trend = new Array<number>(TREND_WEEKS).fill(0);
    const topicSum = new Float64Array(topics?.model.nTopics ?? 0);
    const centroid = new Float64Array(columns.length);
    for (const m of idx) {
      const a = aggregates[m]!;
      for (const [t, v] of Object.entries(a.tagCounts)) {
        tags.set(t, (tags.get(t) ?? 0) + v);
        tagTotal += v;
      }
      courseN += course[m]!;
      artN += art[m]!;
      spend += a.spendMinor;
      purchases += a.purchases;
      if (a.purchases > 0) buyers++;
      const u = members[m]!;
      for (let p = prep.counts.indptr[u]!; p < prep.counts.indptr[u + 1]!; p++) {
        const i = prep.counts.indices[p]!;
        itemMembers.set(i, (itemMembers.get(i) ?? 0) + 1);
      }
      const weeks = statsById.get(a.userId)?.activeWeeks ?? 0;
      for (let w = 0; w < TREND_WEEKS; w++) if (weeks & (1 << w)) trend[TREND_WEEKS - 1 - w]!++;
      if (topics) for (let z = 0; z < topicSum.length; z++) topicSum[z]! += topics.userMix[u * topicSum.length + z]!;
      for (let f = 0; f < columns.length; f++) centroid[f]! += input.z.data[m * columns.length + f]!;
    }
    const tagList = [...tags.entries()]
      .map(([slug, v]) => {
        const share = tagTotal > 0 ? v / tagTotal : 0;
        const overall = overallTotal > 0 ? (overallTags.get(slug) ?? 0) / overallTotal : 0;
        return { slug, share, lift: overall > 0 ? share / overall : 0 };
      })
      // Defining tags: frequent in the cluster and over-represented compared with everyone.
      .filter((t) => t.share >= 0.02)
      .sort((a, b) => b.share * b.lift - a.share * a.lift || (a.slug < b.slug ? -1 : 1))
      .slice(0, 6)
      .map((t) => ({ ...t, name: tagInfo.get(t.slug)?.name ?? t.slug, nameZh: tagInfo.get(t.slug)?.nameZh ?? t.slug }));
    // Whether members learn or collect each defining tag: the name says "learn A, collect B" from it.
    const tagKind = new Map(tagList.map((t) => [t.slug, { course: 0, all: 0 }]));
    for (const m of idx) {
      const u = members[m]!;
      for (let p = prep.counts.indptr[u]!; p < prep.counts.indptr[u + 1]!; p++) {
        const i = prep.counts.indices[p]!;
        const c = prep.counts.data[p]!;
        for (const tag of prep.items[i]!.tags) {
          const k = tagKind.get(tag);
          if (!k) continue;
          k.all += c;
          if (prep.kindOf[i] === KIND.course) k.course += c;
        }
      }
    }
    const definingTags = tagList.map((t) => {
      const k = tagKind.get(t.slug)!;
      return { ...t, courseShare: k.all > 0 ? round3(k.course / k.all) : 0 };
    });
    // What members take and look at, per kind, so a marketer sees both the courses and the artworks.
    const perKind = new Map<string, number>();
    const topItems = [...itemMembers.entries()]
      .filter(([i]) => prep.items[i]!.recommendable)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .filter(([i]) => {
        const kind = prep.items[i]!.kind;
        perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
        return perKind.get(kind)! <= TOP_ITEMS_PER_KIND;
      })
      .map(([i, m]) => ({
        id: prep.items[i]!.id,
        slug: prep.items[i]!.slug,
        title: prep.items[i]!.title,
        kind: prep.items[i]!.kind,
        members: m,
      }));
    const topicList = topics
      ? Array.from(topicSum, (s, z) => ({ topic: z, weight: size > 0 ? s / size : 0, tags: topics.topTags[z] ?? [] }))
          .sort((a, b) => b.weight - a.weight)
          .slice(0, 3)
      : [];
    const domain = courseN + artN;
    profiles.push({
      label: tagList.slice(0, 2).map((t) => t.slug),
      size,
      share: n > 0 ? size / n : 0,
      tags: definingTags,
      domainMix: { course: domain > 0 ? courseN / domain : 0, artwork: domain > 0 ? artN / domain : 0 },
      spend: {
        avgMinor: size > 0 ? Math.round(spend / size) : 0,
        currency,
        purchasesPerMember: size > 0 ? purchases / size : 0,
        buyersShare: size > 0 ? buyers / size : 0,
      },
      topItems,
      topics: topicList,
      trend: trend.map((active, w) => ({
        weekStart: new Date(data.trendEnd - (TREND_WEEKS - w) * WEEK_MS).toISOString().slice(0, 10),
        active,
      })),
      centroid: Object.fromEntries(columns.map((col, f) => [col, size > 0 ? round3(centroid[f]! / size) : 0])),
    });
  }
  return profiles;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

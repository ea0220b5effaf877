/**
 * Latent Dirichlet Allocation by collapsed Gibbs sampling (Griffiths & Steyvers, "Finding scientific
 * topics", PNAS 2004). One document per item: its tags plus the words of its reviews. Topics are a
 * shared language for courses and artworks ("watercolour, botanical, beginner" can be a course and a
 * print), which is what lets a user's taste cross from one world to the other.
 *
 *   const { vocab, docs } = encodeDocuments(items.map((p) => [...p.tags, ...tokenize(p.reviewText)]));
 *   const model = fitLda(docs, { nTopics: 12, vocabSize: vocab.length, seed: 42 });
 *   model.topicWord   // K x V, rows sum to 1
 *   model.docTopic    // D x K, rows sum to 1
 *   inferTopics(model, newDoc, { seed: 1 })               // fold-in for an item added after the fit
 *   userTopicMixtures(model, x)                           // x: users x items interaction weights
 */
import { createRng } from "../random";
import type { Csr } from "./sparse";

export type LdaOptions = {
  nTopics: number;
  vocabSize: number;
  /** Symmetric doc-topic prior. Default 50 / K (Griffiths & Steyvers). */
  alpha?: number;
  /** Symmetric topic-word prior. Default 0.01. */
  beta?: number;
  /** Gibbs sweeps over all tokens. Default 200. */
  iterations?: number;
  seed?: number;
};

export type LdaModel = {
  nTopics: number;
  vocabSize: number;
  alpha: number;
  beta: number;
  /** K x V row-major: p(word | topic). */
  topicWord: Float64Array;
  /** D x K row-major: p(topic | document). */
  docTopic: Float64Array;
  /** Final sample's counts, kept for fold-in inference. */
  topicWordCounts: Int32Array;
  topicCounts: Int32Array;
};

/** Maps token strings to dense ids (sorted, so the same corpus always gives the same ids). */
export function encodeDocuments(tokenLists: readonly (readonly string[])[], options: { minCount?: number } = {}) {
  const { minCount = 1 } = options;
  const counts = new Map<string, number>();
  for (const doc of tokenLists) for (const t of doc) counts.set(t, (counts.get(t) ?? 0) + 1);
  const vocab = [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .map(([t]) => t)
    .sort();
  const index = new Map(vocab.map((t, i) => [t, i] as const));
  const docs = tokenLists.map((doc) =>
    Int32Array.from(
      doc.filter((t) => index.has(t)),
      (t) => index.get(t)!,
    ),
  );
  return { vocab, docs };
}

/** Draws a topic from unnormalised cumulative weights. */
function sampleCumulative(cumulative: Float64Array, k: number, u: number): number {
  const target = u * cumulative[k - 1]!;
  let z = 0;
  while (z < k - 1 && cumulative[z]! <= target) z++;
  return z;
}

export function fitLda(docs: readonly ArrayLike<number>[], options: LdaOptions): LdaModel {
  const { nTopics: k, vocabSize: v, beta = 0.01, iterations = 200, seed = 42 } = options;
  const alpha = options.alpha ?? 50 / k;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`LDA: nTopics must be a positive integer, got ${k}`);
  if (!(alpha > 0 && beta > 0)) throw new RangeError(`LDA: alpha and beta must be > 0, got ${alpha}, ${beta}`);
  const d = docs.length;
  const offsets = new Int32Array(d + 1);
  docs.forEach((doc, i) => (offsets[i + 1] = offsets[i]! + doc.length));
  const nTokens = offsets[d]!;
  const words = new Int32Array(nTokens);
  docs.forEach((doc, i) => {
    for (let t = 0; t < doc.length; t++) {
      const w = doc[t]!;
      if (!(Number.isInteger(w) && w >= 0 && w < v))
        throw new RangeError(`LDA: token ${w} in document ${i} outside [0, ${v})`);
      words[offsets[i]! + t] = w;
    }
  });
  const rng = createRng(seed);
  const z = new Int32Array(nTokens);
  const docTopicCounts = new Int32Array(d * k);
  const topicWordCounts = new Int32Array(k * v);
  const topicCounts = new Int32Array(k);
  for (let t = 0; t < nTokens; t++) z[t] = rng.int(k);
  for (let i = 0; i < d; i++) {
    for (let t = offsets[i]!; t < offsets[i + 1]!; t++) {
      const topic = z[t]!;
      docTopicCounts[i * k + topic]!++;
      topicWordCounts[topic * v + words[t]!]!++;
      topicCounts[topic]!++;
    }
  }
  const cumulative = new Float64Array(k);
  const vBeta = v * beta;
  for (let sweep = 0; sweep < iterations; sweep++) {
    for (let i = 0; i < d; i++) {
      const dk = i * k;
      for (let t = offsets[i]!; t < offsets[i + 1]!; t++) {
        const w = words[t]!;
        const old = z[t]!;
        docTopicCounts[dk + old]!--;
        topicWordCounts[old * v + w]!--;
        topicCounts[old]!--;
        // p(z = j | rest) ∝ (n_dj + alpha) (n_jw + beta) / (n_j + V beta)
        let acc = 0;
        for (let j = 0; j < k; j++) {
          acc += ((docTopicCounts[dk + j]! + alpha) * (topicWordCounts[j * v + w]! + beta)) / (topicCounts[j]! + vBeta);
          cumulative[j] = acc;
        }
        const topic = sampleCumulative(cumulative, k, rng.next());
        z[t] = topic;
        docTopicCounts[dk + topic]!++;
        topicWordCounts[topic * v + w]!++;
        topicCounts[topic]!++;
      }
    }
  }
  const topicWord = new Float64Array(k * v);
  for (let j = 0; j < k; j++) {
    const denom = topicCounts[j]! + vBeta;
    for (let w = 0; w < v; w++) topicWord[j * v + w] = (topicWordCounts[j * v + w]! + beta) / denom;
  }
  const docTopic = new Float64Array(d * k);
  for (let i = 0; i < d; i++) {
    const denom = offsets[i + 1]! - offsets[i]! + k * alpha;
    for (let j = 0; j < k; j++) docTopic[i * k + j] = (docTopicCounts[i * k + j]! + alpha) / denom;
  }
  return { nTopics: k, vocabSize: v, alpha, beta, topicWord, docTopic, topicWordCounts, topicCounts };
}

/**
 * Topic mixture of a document not in the fit ("fold-in"): Gibbs sampling of its tokens only, with the
 * topic-word distributions held fixed. Tokens outside the vocabulary are ignored.
 */
export function inferTopics(
  model: LdaModel,
  doc: ArrayLike<number>,
  options: { iterations?: number; seed?: number } = {},
): Float64Array {
  const { iterations = 50, seed = 42 } = options;
  const { nTopics: k, vocabSize: v, alpha, topicWord } = model;
  const words = Array.from(doc).filter((w) => Number.isInteger(w) && w >= 0 && w < v);
  const rng = createRng(seed);
  const counts = new Int32Array(k);
  const z = Int32Array.from(words, () => rng.int(k));
  for (const topic of z) counts[topic]!++;
  const cumulative = new Float64Array(k);
  for (let sweep = 0; sweep < iterations; sweep++) {
    for (let t = 0; t < words.length; t++) {
      const w = words[t]!;
      counts[z[t]!]!--;
      let acc = 0;
      for (let j = 0; j < k; j++) {
        acc += (counts[j]! + alpha) * topicWord[j * v + w]!;
        cumulative[j] = acc;
      }
      const topic = sampleCumulative(cumulative, k, rng.next());
      z[t] = topic;
      counts[topic]!++;
    }
  }
  const denom = words.length + k * alpha;
  return Float64Array.from(counts, (c) => (c + alpha) / denom);
}

/**
 * Each user's topic mixture: the average of the mixtures of the items they touched, weighted by their
 * interaction weight (x: users x items, items = LDA documents in the same order). Users without
 * interactions get an all-zero row: "no evidence", which a caller can tell apart from a real mixture.
 */
export function userTopicMixtures(model: LdaModel, x: Csr): Float64Array {
  const k = model.nTopics;
  const out = new Float64Array(x.nRows * k);
  for (let u = 0; u < x.nRows; u++) {
    let total = 0;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      const i = x.indices[p]!;
      const w = x.data[p]!;
      if (!(w > 0)) continue;
      if (i * k >= model.docTopic.length) throw new RangeError(`userTopicMixtures: item ${i} has no topic mixture`);
      total += w;
      for (let j = 0; j < k; j++) out[u * k + j]! += w * model.docTopic[i * k + j]!;
    }
    if (total > 0) for (let j = 0; j < k; j++) out[u * k + j]! /= total;
  }
  return out;
}

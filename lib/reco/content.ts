/**
 * Content-based similarity: TF-IDF over item tags and text, for items nobody has interacted with yet
 * (cold start) and for profiles of users whose history is too short for collaborative filtering.
 *
 *   const model = fitTfidf(items.map((p) => ({ tags: p.tags, text: `${p.title} ${p.description}` })));
 *   const nb = contentNeighbours(model, { k: 20 });            // item -> similar items
 *   const profile = userProfile(model, touchedIdx, weights);   // sparse, L2-normalised
 *   scoreByProfile(model, profile, out);                       // cosine of every item to the profile
 *
 * Tokenizer: Latin and other space-separated scripts split into words; Chinese, Japanese and Korean runs
 * become overlapping character bigrams, the usual dictionary-free choice for CJK retrieval (a lone CJK
 * character stays a unigram).
 */
import { cosineNeighbours, type Neighbours } from "./similarity";
import { csrFromTriplets, type Csr } from "./sparse";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Small on purpose: IDF already discounts common words; this only drops words that carry no topic.
const STOPWORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the this to was were will with you your our we i".split(
    " ",
  ),
);

/** Lower-cased tokens: words for space-separated scripts, character bigrams for CJK runs. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize("NFKC").toLowerCase().matchAll(TOKEN)) {
    const run = match[0];
    if (CJK.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) out.push(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else {
      const word = run.replace(/['’]s$/, "");
      if (word.length > 1 && !STOPWORDS.has(word)) out.push(word);
    }
  }
  return out;
}

/** A tag is one token whatever its words ("oil painting"), kept apart from text words by a prefix. */
export function tagToken(tag: string): string {
  return `tag:${tag.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ")}`;
}

export type ContentDoc = { tags?: readonly string[]; text?: string };

export type TfidfOptions = {
  /** Terms in fewer documents than this are dropped (typos, ids). Default 1. */
  minDf?: number;
  /** Terms in more than this share of documents are dropped (boilerplate). Default 0.8. */
  maxDfRatio?: number;
  /** Term-frequency multiplier for tags: curated tags say more than free text. Default 2. */
  tagWeight?: number;
};

export type TfidfModel = {
  vocab: string[];
  vocabIndex: Map<string, number>;
  idf: Float64Array;
  tagWeight: number;
  /** documents x terms, rows L2-normalised, so a dot product is a cosine. */
  matrix: Csr;
};

export type SparseVector = { indices: Int32Array; values: Float64Array };

function termCounts(doc: ContentDoc, tagWeight: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tag of doc.tags ?? []) {
    const t = tagToken(tag);
    if (t !== "tag:") counts.set(t, Math.max(counts.get(t) ?? 0, tagWeight));
  }
  for (const w of tokenize(doc.text ?? "")) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Sublinear tf (1 + log tf) times idf, L2-normalised; terms outside the vocabulary are ignored. */
export function vectorize(model: Pick<TfidfModel, "vocabIndex" | "idf" | "tagWeight">, doc: ContentDoc): SparseVector {
  const entries: [number, number][] = [];
  for (const [term, tf] of termCounts(doc, model.tagWeight)) {
    const j = model.vocabIndex.get(term);
    if (j !== undefined) entries.push([j, (1 + Math.log(tf)) * model.idf[j]!]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, v] of entries) norm += v * v;
  norm = Math.sqrt(norm);
  return {
    indices: Int32Array.from(entries, (e) => e[0]),
    values: Float64Array.from(entries, (e) => (norm > 0 ? e[1] / norm : 0)),
  };
}

export function fitTfidf(docs: readonly ContentDoc[], options: TfidfOptions = {}): TfidfModel {
  const { minDf = 1, maxDfRatio = 0.8, tagWeight = 2 } = options;
  const counted = docs.map((d) => termCounts(d, tagWeight));
  const df = new Map<string, number>();
  for (const c of counted) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  // Sorted vocabulary: the same documents always give the same term ids.
  const vocab = [...df.entries()]
    .filter(([, f]) => f >= minDf && (n < 3 || f <= maxDfRatio * n))
    .map(([t]) => t)
    .sort();
  const vocabIndex = new Map(vocab.map((t, j) => [t, j] as const));
  // Smoothed idf as in scikit-learn: log((1 + n) / (1 + df)) + 1, never 0, never infinite.
  const idf = Float64Array.from(vocab, (t) => Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const model = { vocab, vocabIndex, idf, tagWeight };
  docs.forEach((doc, i) => {
    const v = vectorize(model, doc);
    for (let p = 0; p < v.indices.length; p++) {
      rows.push(i);
      cols.push(v.indices[p]!);
      vals.push(v.values[p]!);
    }
  });
  return { ...model, matrix: csrFromTriplets(n, vocab.length, rows, cols, vals) };
}

/** Top-k most similar documents per document (plain cosine: TF-IDF rows are already normalised). */
export function contentNeighbours(model: TfidfModel, options: { k: number; minSim?: number }): Neighbours {
  return cosineNeighbours(model.matrix, { k: options.k, shrink: 0, minSim: options.minSim ?? 0 });
}

/** Weighted sum of the given documents' vectors, L2-normalised: what a user's history is "about". */
export function userProfile(model: TfidfModel, items: ArrayLike<number>, weights?: ArrayLike<number>): SparseVector {
  const m = model.matrix;
  const acc = new Map<number, number>();
  for (let t = 0; t < items.length; t++) {
    const i = items[t]!;
    if (i < 0 || i >= m.nRows) throw new RangeError(`userProfile: item ${i} outside [0, ${m.nRows})`);
    const w = weights ? weights[t]! : 1;
    for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++)
      acc.set(m.indices[p]!, (acc.get(m.indices[p]!) ?? 0) + w * m.data[p]!);
  }
  const entries = [...acc.entries()].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0));
  return {
    indices: Int32Array.from(entries, (e) => e[0]),
    values: Float64Array.from(entries, (e) => (norm > 0 ? e[1] / norm : 0)),
  };
}

/** Cosine of every document to a normalised profile, written to `out` (length = documents). O(nnz). */
export function scoreByProfile(model: TfidfModel, profile: SparseVector, out: Float64Array): void {
  const m = model.matrix;
  const dense = new Float64Array(m.nCols);
  for (let p = 0; p < profile.indices.length; p++) dense[profile.indices[p]!] = profile.values[p]!;
  for (let i = 0; i < m.nRows; i++) {
    let s = 0;
    for (let p = m.indptr[i]!; p < m.indptr[i + 1]!; p++) s += m.data[p]! * dense[m.indices[p]!]!;
    out[i] = s;
  }
}

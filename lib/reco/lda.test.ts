import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { encodeDocuments, fitLda, inferTopics, userTopicMixtures } from "./lda";
import { csrFromTriplets } from "./sparse";

/** 20 documents: the first 10 use words 0-4 only, the last 10 words 5-9 only. */
function twoTopicCorpus(): number[][] {
  const rng = createRng(5);
  return Array.from({ length: 20 }, (_, d) => Array.from({ length: 30 }, () => (d < 10 ? 0 : 5) + rng.int(5)));
}

describe("LDA (collapsed Gibbs)", () => {
  it("separates two disjoint vocabularies into two topics", () => {
    const docs = twoTopicCorpus();
    const model = fitLda(docs, { nTopics: 2, vocabSize: 10, alpha: 0.1, beta: 0.01, iterations: 100, seed: 1 });
    const dominant = (d: number) => (model.docTopic[d * 2]! > model.docTopic[d * 2 + 1]! ? 0 : 1);
    const first = dominant(0);
    for (let d = 0; d < 20; d++) {
      expect(dominant(d)).toBe(d < 10 ? first : 1 - first);
      expect(Math.max(model.docTopic[d * 2]!, model.docTopic[d * 2 + 1]!)).toBeGreaterThan(0.95);
    }
    // The first group's topic puts almost all its mass on words 0-4.
    let mass = 0;
    for (let w = 0; w < 5; w++) mass += model.topicWord[first * 10 + w]!;
    expect(mass).toBeGreaterThan(0.99);
    // Rows are distributions.
    for (let k = 0; k < 2; k++)
      expect(model.topicWord.subarray(k * 10, k * 10 + 10).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it("is deterministic for a seed", () => {
    const docs = twoTopicCorpus();
    const a = fitLda(docs, { nTopics: 3, vocabSize: 10, iterations: 20, seed: 7 });
    const b = fitLda(docs, { nTopics: 3, vocabSize: 10, iterations: 20, seed: 7 });
    expect(Array.from(a.docTopic)).toEqual(Array.from(b.docTopic));
    expect(a.alpha).toBeCloseTo(50 / 3, 12);
  });

  it("folds in a new document onto the matching topic", () => {
    const model = fitLda(twoTopicCorpus(), { nTopics: 2, vocabSize: 10, alpha: 0.1, iterations: 100, seed: 1 });
    const first = model.docTopic[0]! > model.docTopic[1]! ? 0 : 1;
    const theta = inferTopics(model, [6, 7, 8, 9, 6, 7, 42], { seed: 3 });
    expect(theta[1 - first]).toBeGreaterThan(0.9);
    expect(theta[0]! + theta[1]!).toBeCloseTo(1, 12);
  });

  it("averages item mixtures per user, weighted by interaction", () => {
    const model = fitLda(twoTopicCorpus(), { nTopics: 2, vocabSize: 10, iterations: 5, seed: 1 });
    // user 0: item 0 weight 3, item 15 weight 1; user 1: nothing.
    const x = csrFromTriplets(2, 20, [0, 0], [0, 15], [3, 1]);
    const mix = userTopicMixtures(model, x);
    for (let k = 0; k < 2; k++)
      expect(mix[k]).toBeCloseTo((3 * model.docTopic[k]! + model.docTopic[15 * 2 + k]!) / 4, 12);
    expect(Array.from(mix.subarray(2))).toEqual([0, 0]);
  });

  it("encodes token lists with a sorted vocabulary and validates ids", () => {
    const { vocab, docs } = encodeDocuments(
      [
        ["b", "a", "b"],
        ["c", "a"],
      ],
      { minCount: 2 },
    );
    expect(vocab).toEqual(["a", "b"]);
    expect(docs.map((d) => Array.from(d))).toEqual([[1, 0, 1], [0]]);
    expect(() => fitLda([[0, 3]], { nTopics: 2, vocabSize: 3 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { contentNeighbours, fitTfidf, scoreByProfile, tagToken, tokenize, userProfile, vectorize } from "./content";
import { neighbourSim } from "./similarity";
import { csrToDense } from "./sparse";

describe("tokenize", () => {
  it("splits English into lower-case words without stopwords or possessive 's", () => {
    expect(tokenize("The Painter's Guide to OIL painting, 2nd ed.")).toEqual([
      "painter",
      "guide",
      "oil",
      "painting",
      "2nd",
      "ed",
    ]);
  });

  it("turns CJK runs into character bigrams and keeps Latin words beside them", () => {
    expect(tokenize("水彩画入門 course")).toEqual(["水彩", "彩画", "画入", "入門", "course"]);
    expect(tokenize("絵")).toEqual(["絵"]);
    expect(tokenize("カタカナ")).toEqual(["カタ", "タカ", "カナ"]);
    expect(tokenize("유화 그리기")).toEqual(["유화", "그리", "리기"]);
    // Full-width Latin is folded by NFKC.
    expect(tokenize("ＡＢＣ")).toEqual(["abc"]);
  });

  it("normalises tags into single tokens", () => {
    expect(tagToken("  Oil   Painting ")).toBe("tag:oil painting");
  });
});

describe("TF-IDF", () => {
  const docs = [{ text: "red apple" }, { text: "red cherry" }, { text: "green apple" }];

  it("matches smoothed idf, sublinear tf and cosine by hand", () => {
    const model = fitTfidf(docs, { maxDfRatio: 1 });
    expect(model.vocab).toEqual(["apple", "cherry", "green", "red"]);
    const idf2 = Math.log(4 / 3) + 1; // in 2 of 3 docs
    const idf1 = Math.log(4 / 2) + 1; // in 1 of 3 docs
    expect(model.idf[0]).toBeCloseTo(idf2, 12);
    expect(model.idf[1]).toBeCloseTo(idf1, 12);
    const row0 = csrToDense(model.matrix)[0]!;
    const norm = Math.sqrt(2) * idf2;
    expect(row0[0]).toBeCloseTo(idf2 / norm, 12);
    expect(row0[3]).toBeCloseTo(idf2 / norm, 12);
    // doc0 and doc1 share "red": cosine = idf2^2 / (|doc0| |doc1|).
    const nb = contentNeighbours(model, { k: 5 });
    const expected = (idf2 * idf2) / (Math.sqrt(2) * idf2 * Math.sqrt(idf2 * idf2 + idf1 * idf1));
    expect(neighbourSim(nb, 0, 1)).toBeCloseTo(expected, 12);
    expect(neighbourSim(nb, 1, 2)).toBe(0);
  });

  it("weights tags above text words and vectorizes unseen documents", () => {
    const model = fitTfidf([{ tags: ["oil"], text: "landscape" }, { text: "oil landscape" }, { tags: ["ink"] }], {
      maxDfRatio: 1,
    });
    expect(model.vocab).toContain("tag:oil");
    expect(model.vocab).toContain("oil");
    const v = vectorize(model, { text: "Oil on canvas", tags: ["INK"] });
    expect(Array.from(v.indices).map((i) => model.vocab[i])).toEqual(["oil", "tag:ink"]);
    const norm = Math.hypot(...v.values);
    expect(norm).toBeCloseTo(1, 12);
  });

  it("builds a user profile and scores items by cosine to it", () => {
    const model = fitTfidf(docs, { maxDfRatio: 1 });
    const profile = userProfile(model, [0, 2], [1, 1]);
    const out = new Float64Array(3);
    scoreByProfile(model, profile, out);
    // Both touched documents contain "apple": the profile is closer to them than to "red cherry".
    expect(out[0]).toBeGreaterThan(out[1]!);
    expect(out[2]).toBeGreaterThan(out[1]!);
    expect(out[0]).toBeCloseTo(out[2]!, 12);
    expect(Math.hypot(...profile.values)).toBeCloseTo(1, 12);
    expect(() => userProfile(model, [7])).toThrow(RangeError);
  });
});

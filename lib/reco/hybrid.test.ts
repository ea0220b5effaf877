import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { adaptBlendWeights, adaptSlotWeights, blendCandidates, type CandidateSource } from "./hybrid";

const because = (itemId: string) => ({ kind: "because_item", itemId }) as const;

const sources: CandidateSource[] = [
  {
    source: "itemknn",
    weight: 0.6,
    candidates: [
      { itemId: "x", score: 10, reason: because("a") },
      { itemId: "y", score: 5, reason: because("b") },
      { itemId: "z", score: 0, reason: because("a") },
    ],
  },
  {
    source: "popular",
    weight: 0.4,
    candidates: [
      { itemId: "y", score: 3, reason: { kind: "popular" } },
      { itemId: "w", score: 1, reason: { kind: "popular" } },
    ],
  },
];

describe("blendCandidates", () => {
  it("min-max normalises per source, weights, and keeps the strongest reason first", () => {
    // itemknn: x 1, y 0.5, z 0; popular: y 1, w 0 => x 0.6, y 0.3 + 0.4 = 0.7, z 0, w 0.
    const out = blendCandidates(sources, { n: 10 });
    expect(out.map((o) => o.itemId)).toEqual(["y", "x", "z", "w"]);
    expect(out[0]!.score).toBeCloseTo(0.7, 12);
    expect(out[1]!.score).toBeCloseTo(0.6, 12);
    expect(out[0]!.reason).toEqual({ kind: "popular" });
    expect(out[0]!.reasons.map((r) => r.source)).toEqual(["popular", "itemknn"]);
    expect(out[1]!.reason).toEqual(because("a"));
  });

  it("rank-normalises on request", () => {
    // itemknn: x 1, y 2/3, z 1/3; popular: y 1, w 1/2.
    const out = blendCandidates(sources, { n: 10, normalization: "rank" });
    const score = Object.fromEntries(out.map((o) => [o.itemId, o.score]));
    expect(score.x).toBeCloseTo(0.6, 12);
    expect(score.y).toBeCloseTo(0.6 * (2 / 3) + 0.4, 12);
    expect(score.z).toBeCloseTo(0.6 / 3, 12);
    expect(score.w).toBeCloseTo(0.2, 12);
  });

  it("excludes owned items and caps items per creator", () => {
    const creator: Record<string, string> = { x: "c1", y: "c1", z: "c1", w: "c2" };
    const out = blendCandidates(sources, {
      n: 10,
      owned: new Set(["x"]),
      creatorOf: (id) => creator[id],
      maxPerCreator: 1,
    });
    expect(out.map((o) => o.itemId)).toEqual(["y", "w"]);
    expect(() => blendCandidates(sources, { n: 1, maxPerCreator: 0 })).toThrow(RangeError);
  });

  it("property: never returns an owned item, respects the creator cap and n, scores descend", () => {
    const rng = createRng(99);
    for (let trial = 0; trial < 200; trial++) {
      const nItems = 5 + rng.int(40);
      const creators = 1 + rng.int(6);
      const creatorOf = (id: number) => `c${id % creators}`;
      const owned = new Set(Array.from({ length: rng.int(nItems) }, () => rng.int(nItems)));
      const srcs: CandidateSource<number>[] = Array.from({ length: 1 + rng.int(4) }, (_, s) => ({
        source: `s${s}`,
        weight: rng.next(),
        candidates: Array.from({ length: rng.int(30) }, () => ({
          itemId: rng.int(nItems),
          score: rng.normal(),
          reason: { kind: "popular" as const },
        })),
      }));
      const cap = 1 + rng.int(3);
      const n = 1 + rng.int(15);
      const out = blendCandidates(srcs, { n, owned, creatorOf, maxPerCreator: cap });
      expect(out.length).toBeLessThanOrEqual(n);
      expect(new Set(out.map((o) => o.itemId)).size).toBe(out.length);
      const perCreator = new Map<string, number>();
      out.forEach((o, i) => {
        expect(owned.has(o.itemId)).toBe(false);
        perCreator.set(creatorOf(o.itemId), (perCreator.get(creatorOf(o.itemId)) ?? 0) + 1);
        expect(o.reason).toBeDefined();
        if (i > 0) expect(o.score).toBeLessThanOrEqual(out[i - 1]!.score);
      });
      for (const count of perCreator.values()) expect(count).toBeLessThanOrEqual(cap);
    }
  });
});

describe("adaptBlendWeights (Thompson sampling)", () => {
  it("favours the source with clearly better click-through, floors the rest, sums to 1", () => {
    const w = adaptBlendWeights(
      {
        itemknn: { impressions: 1000, clicks: 100 },
        popular: { impressions: 1000, clicks: 20 },
        content: { impressions: 1000, clicks: 30 },
      },
      { seed: 1, minWeight: 0.05 },
    );
    expect(Object.values(w).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(w.itemknn).toBeCloseTo(0.9, 2);
    expect(w.popular).toBeCloseTo(0.05, 3);
    expect(w.content).toBeGreaterThanOrEqual(0.05);
  });

  it("splits about evenly without evidence and is deterministic for a seed", () => {
    const stats = { a: { impressions: 0, clicks: 0 }, b: { impressions: 0, clicks: 0 } };
    const w = adaptBlendWeights(stats, { seed: 3, draws: 4000 });
    expect(w.a).toBeGreaterThan(0.4);
    expect(w.b).toBeGreaterThan(0.4);
    expect(adaptBlendWeights(stats, { seed: 3, draws: 4000 })).toEqual(w);
    // Key order does not matter.
    expect(adaptBlendWeights({ b: stats.b, a: stats.a }, { seed: 3, draws: 4000 })).toEqual(w);
  });

  it("adapts only among sources past burn-in: a source never shown does not outbid the ones shown", () => {
    // Shown 40 times without a click vs never shown: under a flat prior "never shown" looks like 50 %
    // click-through and would take nearly everything. Below burn-in both keep their even share.
    const early = adaptBlendWeights(
      {
        itemknn: { impressions: 40, clicks: 0 },
        lda: { impressions: 0, clicks: 0 },
        pop: { impressions: 40, clicks: 1 },
      },
      { seed: 5 },
    );
    expect(early).toEqual({ itemknn: 1 / 3, lda: 1 / 3, pop: 1 / 3 });
    const later = adaptBlendWeights(
      {
        itemknn: { impressions: 400, clicks: 40 },
        lda: { impressions: 0, clicks: 0 },
        pop: { impressions: 400, clicks: 4 },
      },
      { seed: 5, minWeight: 0.02 },
    );
    expect(later.lda).toBeCloseTo(1 / 3, 12);
    expect(later.itemknn).toBeGreaterThan(0.6);
    expect(later.pop).toBeCloseTo(0.02, 2);
    expect(later.itemknn! + later.lda! + later.pop!).toBeCloseTo(1, 12);
  });

  it("rejects impossible counts and gives every slot its own weights", () => {
    expect(() => adaptBlendWeights({ a: { impressions: 1, clicks: 2 } })).toThrow(RangeError);
    expect(() =>
      adaptBlendWeights({ a: { impressions: 1, clicks: 0 }, b: { impressions: 1, clicks: 0 } }, { minWeight: 0.6 }),
    ).toThrow(RangeError);
    const slots = adaptSlotWeights({
      home: { itemknn: { impressions: 500, clicks: 50 }, popular: { impressions: 500, clicks: 5 } },
      cart: { itemknn: { impressions: 500, clicks: 5 }, popular: { impressions: 500, clicks: 50 } },
    });
    expect(slots.home!.itemknn).toBeGreaterThan(0.9);
    expect(slots.cart!.popular).toBeGreaterThan(0.9);
  });
});

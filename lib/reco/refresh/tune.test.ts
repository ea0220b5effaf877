import { describe, expect, it } from "vitest";
import { createRng } from "../../random";
import { csrFromTriplets } from "../sparse";
import { preparedFromMatrix } from "../served";
import { KIND } from "./prepare";
import { ascendWeights, carveValidation, DEFAULT_TUNE_OPTIONS, WEIGHT_GRID } from "./tune";

describe("ascendWeights", () => {
  it("starts from the best single source and keeps a blend only when it scores higher", () => {
    // A score with its optimum at a 1 : 2 mix of a and b, and c useless.
    const score = (w: Record<string, number | undefined>) => {
      const a = w.a ?? 0;
      const b = w.b ?? 0;
      const total = a + b + (w.c ?? 0);
      if (total === 0) return 0;
      return 0.5 - Math.abs(a / total - 1 / 3) - Math.abs(b / total - 2 / 3);
    };
    const result = ascendWeights(score as never, ["a", "b", "c"] as never);
    expect(result.alone).toMatchObject({ a: expect.any(Number), b: expect.any(Number), c: expect.any(Number) });
    expect(result.ndcg).toBeGreaterThanOrEqual(Math.max(...Object.values(result.alone).map(Number)));
    const w = result.weights as Record<string, number>;
    expect(w.a! / w.b!).toBeCloseTo(0.5, 6);
    expect(result.weights).not.toHaveProperty("c");
    expect(Object.values(result.weights).reduce((s, v) => s + v!, 0)).toBeCloseTo(1, 9);
  });

  it("returns the best single source alone when no mix beats it", () => {
    const score = (w: Record<string, number | undefined>) => ((w.b ?? 0) > 0 && !(w.a ?? 0) ? 0.3 : 0.1);
    const result = ascendWeights(score as never, ["a", "b"] as never);
    expect(result.weights).toEqual({ b: 1 });
    expect(result.ndcg).toBe(0.3);
  });

  it("tries only values from the documented grid", () => {
    const seen = new Set<number>();
    const rng = createRng(4);
    ascendWeights(
      ((w: Record<string, number>) => {
        for (const v of Object.values(w)) seen.add(v);
        return rng.next();
      }) as never,
      ["a", "b"] as never,
    );
    for (const v of seen) expect(WEIGHT_GRID as readonly number[]).toContain(v);
  });
});

describe("carveValidation", () => {
  // 40 users; items 0..9 courses, 10..19 artworks; every user has 3 of each.
  const rows: number[] = [];
  const cols: number[] = [];
  for (let u = 0; u < 40; u++)
    for (let t = 0; t < 3; t++) {
      rows.push(u, u);
      cols.push((u + t) % 10, 10 + ((u + 2 * t) % 10));
    }
  const x = csrFromTriplets(40, 20, rows, cols, new Float64Array(rows.length).fill(1));
  const kindOf = Uint8Array.from({ length: 20 }, (_, i) => (i < 10 ? KIND.course : KIND.artwork));
  const { prep } = preparedFromMatrix(x, kindOf);
  const options = { ...DEFAULT_TUNE_OPTIONS, maxValidationUsers: 10, slots: ["for_you", "art_for_learners"] as const };

  it("holds out part of each for_you user's items and all of a cross-domain user's target items", () => {
    const { train, holdouts } = carveValidation(prep, options);
    const [forYou, art] = holdouts;
    expect(forYou!.users.length).toBe(10);
    expect(art!.users.length).toBe(10);
    const row = (u: number) => Array.from(train.x.indices.subarray(train.x.indptr[u]!, train.x.indptr[u + 1]!));
    forYou!.users.forEach((u, t) => {
      const held = [...forYou!.relevant[t]!];
      expect(held.length).toBe(1); // round(0.2 * 6)
      for (const i of held) expect(row(u)).not.toContain(i);
      expect(row(u).length).toBe(5);
    });
    art!.users.forEach((u, t) => {
      expect([...art!.relevant[t]!].every((i) => i >= 10)).toBe(true);
      expect(art!.relevant[t]!.size).toBe(3);
      expect(row(u).every((i) => i < 10)).toBe(true);
    });
    // Validation users are disjoint, and everyone else keeps all six items.
    const chosen = new Set([...forYou!.users, ...art!.users]);
    expect(chosen.size).toBe(20);
    for (let u = 0; u < 40; u++) if (!chosen.has(u)) expect(row(u).length).toBe(6);
  });

  it("fits on a seeded sample of users past maxTuneUsers, validation users among them", () => {
    const { train, holdouts } = carveValidation(prep, { ...options, maxTuneUsers: 25 });
    const withRows = [...Array(40).keys()].filter((u) => train.x.indptr[u + 1]! > train.x.indptr[u]!);
    expect(withRows.length).toBe(25);
    for (const h of holdouts) for (const u of h.users) expect(withRows).toContain(u);
  });

  it("can hold out by item, as reco:eval's item split does", () => {
    const { train, holdouts } = carveValidation(prep, { ...options, slots: ["for_you"], forYouSplit: "item" });
    const [h] = holdouts;
    expect(h!.users.length).toBe(10);
    const col = (i: number) => {
      let n = 0;
      for (let p = 0; p < train.x.indices.length; p++) if (train.x.indices[p] === i) n++;
      return n;
    };
    // Each item has 12 users (40 users x 3 picks of a kind over 10 items): round(0.2 x 12) = 2 held out.
    for (let i = 0; i < 20; i++) expect(col(i)).toBe(prep.x.indices.filter((j) => j === i).length - 2);
    h!.users.forEach((u, t) => {
      const row = Array.from(train.x.indices.subarray(train.x.indptr[u]!, train.x.indptr[u + 1]!));
      for (const i of h!.relevant[t]!) expect(row).not.toContain(i);
      expect(row.length).toBeGreaterThan(0);
    });
  });

  it("is the same for the same seed and differs for another", () => {
    const a = carveValidation(prep, options).holdouts[0]!.users;
    expect(carveValidation(prep, options).holdouts[0]!.users).toEqual(a);
    expect(carveValidation(prep, { ...options, seed: 99 }).holdouts[0]!.users).not.toEqual(a);
  });
});

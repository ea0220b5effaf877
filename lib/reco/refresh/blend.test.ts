import { describe, expect, it } from "vitest";
import { createRng } from "../../random";
import { blendCandidates, type CandidateSource } from "../hybrid";
import { Blender, SourceBuffer } from "./blend";

function randomCase(seed: number) {
  const rng = createRng(seed);
  const nItems = 40 + rng.int(40);
  const nCreators = 3 + rng.int(10);
  const creatorOf = Int32Array.from({ length: nItems }, () => rng.int(nCreators));
  const buffers: SourceBuffer[] = [];
  const sources: CandidateSource<number>[] = [];
  const nSources = 1 + rng.int(5);
  for (let s = 0; s < nSources; s++) {
    const buf = new SourceBuffer(`s${s}`, 30);
    const weight = rng.next() < 0.15 ? 0 : rng.next();
    buf.clear(weight);
    const used = new Set<number>();
    const count = rng.int(25);
    const candidates: CandidateSource<number>["candidates"][number][] = [];
    for (let t = 0; t < count; t++) {
      const item = rng.int(nItems);
      if (used.has(item)) continue;
      used.add(item);
      const score = rng.next() * 10;
      buf.push(item, score, t);
      candidates.push({ itemId: item, score, reason: { kind: "because_item", itemId: t } });
    }
    buffers.push(buf);
    sources.push({ source: `s${s}`, weight, candidates });
  }
  return { nItems, nCreators, creatorOf, buffers, sources, n: 1 + rng.int(15), cap: 1 + rng.int(3) };
}

describe("Blender", () => {
  it("returns what hybrid.blendCandidates returns: items, scores, winning source and its reason", () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const c = randomCase(seed);
      // Min-max gives every source a 0 and a 1, so exact ties happen; blend.ts documents that it breaks
      // them by item index rather than first-seen order. Compare the cases without ties.
      const all = blendCandidates(c.sources, { n: Infinity }).map((e) => e.score);
      if (new Set(all).size !== all.length) continue;
      compared++;
      const expected = blendCandidates(c.sources, {
        n: c.n,
        creatorOf: (i) => String(c.creatorOf[i]),
        maxPerCreator: c.cap,
      });
      const picks = new Blender(c.nItems).blend(c.buffers, c.n, c.creatorOf, c.cap, new Int32Array(c.nCreators));
      expect(
        picks.map((p) => p.item),
        `seed ${seed}`,
      ).toEqual(expected.map((e) => e.itemId));
      picks.forEach((p, r) => {
        const e = expected[r]!;
        expect(p.score).toBeCloseTo(e.score, 12);
        expect(c.buffers[p.source]!.name).toBe(e.reasons[0]!.source);
        // The anchor stored at the winning position is the reason blendCandidates kept.
        expect(e.reason).toEqual({ kind: "because_item", itemId: c.buffers[p.source]!.anchors[p.position] });
      });
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("normalises each source to [0, 1] before weighting, so scales do not matter", () => {
    const a = new SourceBuffer("cf", 4);
    a.clear(0.5);
    a.push(0, 1000);
    a.push(1, 500);
    const b = new SourceBuffer("pop", 4);
    b.clear(0.5);
    b.push(1, 0.002);
    b.push(2, 0.001);
    const picks = new Blender(3).blend([a, b], 3, new Int32Array([0, 1, 2]), 5, new Int32Array(3));
    // item 1: 0.5 * 0 + 0.5 * 1 = 0.5 = item 0's 0.5 * 1; the tie goes to the lower index.
    expect(picks.map((p) => [p.item, p.score])).toEqual([
      [0, 0.5],
      [1, 0.5],
      [2, 0],
    ]);
  });

  it("caps items per creator and fills from further down the ranking", () => {
    const a = new SourceBuffer("cf", 8);
    a.clear(1);
    for (let i = 0; i < 6; i++) a.push(i, 10 - i);
    // Items 0-3 by creator 0, 4-5 by creator 1.
    const picks = new Blender(6).blend([a], 4, new Int32Array([0, 0, 0, 0, 1, 1]), 2, new Int32Array(2));
    expect(picks.map((p) => p.item)).toEqual([0, 1, 4, 5]);
  });
});

import { describe, expect, it } from "vitest";
import { evaluateCrossDomain, type CrossDomainRecommender } from "./evaluate-cross-domain";
import { parseDomainsText, type ParsedDataset, type RawInteraction } from "./ratings-file";
import { topN } from "./top-n";

// Two tastes across two domains: group A (users 0..59) takes courses c0..c4 and artworks a0..a4, group B
// (users 60..159, the larger one) courses c5..c9 and artworks a5..a9. B's artworks are therefore the
// popular ones, so target-domain popularity serves A's held-out users the wrong half, while a model that
// links courses to artworks through other users does not.
function dataset(): ParsedDataset {
  const interactions: RawInteraction[] = [];
  for (let u = 0; u < 160; u++) {
    const base = u < 60 ? 0 : 5;
    for (let t = 0; t < 3; t++) interactions.push({ user: `u${u}`, item: `c${base + ((u + t) % 5)}`, rating: 1 });
    for (let t = 0; t < 2; t++) interactions.push({ user: `u${u}`, item: `a${base + ((u * 3 + t) % 5)}`, rating: 1 });
  }
  // Items without a domain: dropped and counted, never candidates.
  interactions.push({ user: "u0", item: "mystery", rating: 1 }, { user: "u1", item: "mystery", rating: 1 });
  return { format: "ratings", separator: ",", header: false, interactions, skipped: 0, skippedBy: {} };
}

const domainsText = [
  "item\tdomain",
  ...Array.from({ length: 10 }, (_, i) => `c${i}\tcourse`),
  ...Array.from({ length: 10 }, (_, i) => `a${i}\tartwork`),
  "unused\tartwork",
].join("\n");

const run = (opts: Partial<Parameters<typeof evaluateCrossDomain>[2]> = {}) =>
  evaluateCrossDomain(dataset(), parseDomainsText(domainsText), {
    target: "artwork",
    testRatio: 0.25,
    seed: 42,
    k: 3,
    models: ["pop", "itemknn", "userknn", "ease", "rp3beta"],
    ...opts,
  });

describe("evaluateCrossDomain", () => {
  it("reports every single model, and cross-domain evidence beats target-domain popularity", () => {
    const r = run();
    expect(Object.keys(r.models)).toEqual(["pop", "itemknn", "userknn", "ease", "rp3beta"]);
    expect(Object.keys(r.models.pop!).sort()).toEqual(["coverage", "fit_s", "ndcg@3", "precision@3", "recall@3"]);
    for (const name of ["itemknn", "userknn", "ease", "rp3beta"])
      expect(r.models[name]!["ndcg@3"]!, name).toBeGreaterThan(r.models.pop!["ndcg@3"]! + 0.2);
    // Popularity recommends the same three artworks to everyone: 3 of the 10 target items.
    expect(r.models.pop!.coverage).toBeCloseTo(3 / 10, 6);
  });

  it("describes the protocol: domains, target, eligible and held-out users, dropped rows", () => {
    const { protocol } = run();
    expect(protocol).toMatchObject({
      split: "cross-domain",
      target: "artwork",
      eligible_users: 160,
      test_users: 40,
      test_interactions: 80,
      rows_without_domain: 2,
      items_without_domain: 1,
      items: 20,
      domains: {
        artwork: { items: 10, items_in_file: 11, interactions: 320, users: 160 },
        course: { items: 10, items_in_file: 10, interactions: 480, users: 160 },
      },
    });
    expect(String(protocol.split_rule)).toContain("ALL their target-domain interactions held out");
  });

  it("gives an extra recommender the train and domains, and only target-domain items as candidates", () => {
    const seen: { users: number; outsideFlagged: boolean } = { users: 0, outsideFlagged: true };
    const served: CrossDomainRecommender = (train, domainOf, targetDomain) => {
      expect(train.nCols).toBe(20);
      expect(domainOf.length).toBe(20);
      return {
        seconds: 0.5,
        recommend: (_user, n, exclude) => {
          seen.users++;
          domainOf.forEach((d, i) => {
            if (d !== targetDomain && exclude[i] !== 1) seen.outsideFlagged = false;
          });
          // Everything scores the same: ties go to the lowest unflagged ids.
          return topN(new Float64Array(train.nCols), n, { exclude });
        },
      };
    };
    const r = run({ models: ["served", "pop"], extraRecommenders: { served } });
    expect(Object.keys(r.models)).toEqual(["served", "pop"]);
    expect(r.models.served!.fit_s).toBe(0.5);
    expect(seen.users).toBe(40);
    expect(seen.outsideFlagged).toBe(true);
  });

  it("stops when an extra recommender returns an item outside the target domain", () => {
    const leaky: CrossDomainRecommender = (train) => ({
      seconds: 0,
      recommend: (_u, n) => topN(new Float64Array(train.nCols), n),
    });
    expect(() => run({ models: ["leaky"], extraRecommenders: { leaky } })).toThrow(
      /leaky recommended item 0, which is outside the target domain/,
    );
  });

  it("is reproducible for a seed and refuses unknown targets and models", () => {
    expect(run({ seed: 3 })).toEqual(run({ seed: 3 }));
    expect(() => run({ target: "music" })).toThrow(/target domain "music" is not in the domains file/);
    expect(() => run({ models: ["pop", "hybrid"] })).toThrow(
      /model\(s\) hybrid not available with --split cross-domain/,
    );
  });
});

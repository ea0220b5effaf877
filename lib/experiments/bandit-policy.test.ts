import { describe, expect, it } from "vitest";
import { BANDIT_MAX_STEP, BANDIT_MIN_PHASE_HOURS, banditBurnIn, nextBanditWeights } from "./bandit-policy";

const now = new Date("2026-03-01T00:00:00Z");
const fullDay = new Date(now.getTime() - BANDIT_MIN_PHASE_HOURS * 3_600_000);
const ready = [
  { n: 1_000, conversions: 30 },
  { n: 1_000, conversions: 200 },
];

describe("banditBurnIn", () => {
  it("holds the weights until every arm has visitors and conversions and the phase a full day", () => {
    expect(banditBurnIn([{ n: 50, conversions: 30 }, ready[1]!], { phaseStartedAt: fullDay, now })).toBe("visitors");
    expect(banditBurnIn([{ n: 1_000, conversions: 5 }, ready[1]!], { phaseStartedAt: fullDay, now })).toBe(
      "conversions",
    );
    expect(banditBurnIn(ready, { phaseStartedAt: new Date(now.getTime() - 3_600_000), now })).toBe("time");
    expect(banditBurnIn(ready, { phaseStartedAt: null, now })).toBe("time");
    expect(banditBurnIn(ready, { phaseStartedAt: fullDay, now })).toBeNull();
  });
});

describe("nextBanditWeights", () => {
  it("moves towards the better arm by at most the step limit, still summing to 1", () => {
    const previous = [0.5, 0.5];
    const next = nextBanditWeights(ready, 7, { previous, phaseStartedAt: fullDay, now });
    if (typeof next === "string") throw new Error(`held by ${next}`);
    expect(next[1]).toBeGreaterThan(0.5);
    for (const [i, w] of next.entries())
      expect(Math.abs(w - previous[i]!)).toBeLessThanOrEqual(BANDIT_MAX_STEP + 1e-12);
    expect(next.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(nextBanditWeights(ready, 7, { previous, phaseStartedAt: fullDay, now })).toEqual(next);
  });

  it("keeps a single arm, and the weights of a phase still burning in", () => {
    expect(nextBanditWeights([ready[0]!], 1, { previous: [1], phaseStartedAt: fullDay, now })).toBe("visitors");
    expect(nextBanditWeights(ready, 1, { previous: [0.5, 0.5], phaseStartedAt: null, now })).toBe("time");
  });
});

import { describe, expect, it } from "vitest";
import { holmAdjust } from "./multiple-testing";

describe("holmAdjust", () => {
  it("matches R's p.adjust(method = 'holm')", () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
    const out = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((p, i) => expect(out[i]).toBeCloseTo(p, 12));
  });

  it("never lowers a p-value, caps at 1, and treats NaN as 1", () => {
    const out = holmAdjust([0.2, 0.5, Number.NaN, 0.001]);
    [0.6, 1, 1, 0.004].forEach((p, i) => expect(out[i]).toBeCloseTo(p, 12));
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.03])).toEqual([0.03]);
  });
});

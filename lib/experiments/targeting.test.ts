import { describe, expect, it, vi } from "vitest";
import { applySegmentTargeting, inTargetedSegments } from "./targeting";

const INK = "shan-shui+woodblock:mixed";
const FIN = "investing+limited-edition:mixed";

describe("inTargetedSegments", () => {
  it("lets everyone in when no segment is chosen", () => {
    expect(inTargetedSegments([], [])).toBe(true);
    expect(inTargetedSegments([], [INK])).toBe(true);
  });
  it("lets in members of any chosen segment only", () => {
    expect(inTargetedSegments([INK, FIN], [FIN])).toBe(true);
    expect(inTargetedSegments([INK], [FIN])).toBe(false);
    expect(inTargetedSegments([INK], [])).toBe(false);
  });
});

describe("applySegmentTargeting", () => {
  const control = { key: "control" };
  const treatment = { key: "treatment" };
  const assigned = { variant: treatment, counted: true, source: "assignment" as const };

  it("keeps a member's assignment and exposure", async () => {
    const out = await applySegmentTargeting(assigned, { targeted: [INK], control, memberOf: async () => [INK] });
    expect(out).toEqual(assigned);
  });

  it("shows the control to anyone outside the segments and does not count them", async () => {
    const out = await applySegmentTargeting(assigned, { targeted: [INK], control, memberOf: async () => [FIN] });
    expect(out).toEqual({ variant: control, counted: false, source: "control" });
    const anonymous = await applySegmentTargeting(assigned, { targeted: [INK], control, memberOf: async () => [] });
    expect(anonymous.counted).toBe(false);
    expect(anonymous.variant).toBe(control);
  });

  it("does not look the visitor up when nothing is targeted or the visit does not count", async () => {
    const memberOf = vi.fn(async () => [] as string[]);
    expect(await applySegmentTargeting(assigned, { targeted: [], control, memberOf })).toBe(assigned);
    const preview = { variant: treatment, counted: false, source: "preview" as const };
    expect(await applySegmentTargeting(preview, { targeted: [INK], control, memberOf })).toBe(preview);
    expect(memberOf).not.toHaveBeenCalled();
  });
});

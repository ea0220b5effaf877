import { describe, expect, it } from "vitest";
import { landingCampaign } from "./landing-fixture";
import { landingCopy, resolveLandingVariant } from "./landing-variant";

const campaign = landingCampaign;

const header = (over: object) => ({
  key: "ink-and-paper",
  bucketVersion: 2,
  variant: 1,
  counted: true,
  visitorId: "v".repeat(32),
  utmSource: null,
  reason: "assigned",
  ...over,
});

describe("resolveLandingVariant", () => {
  it("renders the proxy's assignment for the current phase and counts it", () => {
    expect(resolveLandingVariant(campaign, header({}), { allowed: false, variantKey: null })).toMatchObject({
      variant: { key: "save" },
      counted: true,
    });
    expect(
      resolveLandingVariant(campaign, header({ counted: false }), { allowed: false, variantKey: null }),
    ).toMatchObject({ variant: { key: "save" }, counted: false });
  });

  it("falls back to an uncounted control for another phase, another experiment, a paused campaign or no header", () => {
    const control = { variant: { key: "control" }, counted: false };
    expect(
      resolveLandingVariant(campaign, header({ bucketVersion: 1 }), { allowed: false, variantKey: null }),
    ).toMatchObject(control);
    expect(
      resolveLandingVariant(campaign, header({ key: "other" }), { allowed: false, variantKey: null }),
    ).toMatchObject(control);
    expect(
      resolveLandingVariant({ ...campaign, status: "paused" }, header({}), { allowed: false, variantKey: null }),
    ).toMatchObject(control);
    expect(resolveLandingVariant(campaign, null, { allowed: false, variantKey: null })).toMatchObject(control);
    expect(resolveLandingVariant(campaign, header({ variant: 7 }), { allowed: false, variantKey: null })).toMatchObject(
      control,
    );
  });

  it("shows a previewed variant only to allowed viewers, never counted", () => {
    expect(
      resolveLandingVariant(campaign, header({ variant: 0 }), { allowed: true, variantKey: "save" }),
    ).toMatchObject({ variant: { key: "save" }, counted: false, source: "preview" });
    expect(
      resolveLandingVariant(campaign, header({ variant: 0 }), { allowed: false, variantKey: "save" }),
    ).toMatchObject({ variant: { key: "control" }, counted: true });
  });

  it("uses the variant's copy where it has some and the campaign's otherwise", () => {
    expect(landingCopy(campaign, campaign.experiment.variants[1]!).headline).toBe("Save $70");
    expect(landingCopy(campaign, campaign.experiment.variants[0]!).headline).toBe("Paint the mountain");
  });
});

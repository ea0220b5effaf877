import { describe, expect, it } from "vitest";
import type { ProductCard } from "@/lib/catalog/types";
import type { LandingCampaign } from "./landing";
import { landingCopy, resolveLandingVariant } from "./landing-variant";

const empty = { headline: "", heroText: "", body: "", offer: "", cta: "" };
const card = (over: Partial<ProductCard>): ProductCard => ({
  id: "p",
  kind: "course",
  slug: "s",
  title: "T",
  subtitle: "Sub",
  priceAmount: 8900,
  currency: "USD",
  imageSeed: 1,
  creator: { slug: "lin-mei", name: "Lin Mei" },
  level: "intermediate",
  medium: null,
  editionSize: null,
  stock: null,
  topic: null,
  ...over,
});

const campaign: LandingCampaign = {
  id: "c1",
  slug: "ink-and-paper",
  name: "Ink & Paper",
  status: "running",
  startsAt: "2026-01-01T00:00:00.000Z",
  endsAt: "2030-12-31T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  previewToken: "secret",
  content: { heroTitle: "Paint the mountain", heroText: "Hero", story: [] },
  audience: { clusters: [], locales: [], visitors: "all" },
  partners: [
    { id: "a", slug: "lin-mei", name: "Lin Mei", kind: "instructor", bio: "", location: null },
    { id: "b", slug: "west-lake-gallery", name: "West Lake Gallery", kind: "gallery", bio: "", location: null },
  ],
  bundle: {
    id: "bundle",
    slug: "ink-and-paper-bundle",
    title: "Course + edition",
    description: "</script><script>alert(1)</script>",
    priceAmount: 44900,
    currency: "USD",
    status: "published",
    items: [
      card({ id: "course", slug: "misty", title: "Misty mountains" }),
      card({
        id: "art",
        kind: "artwork",
        slug: "lotus",
        title: "Lotus",
        level: null,
        medium: "Giclée",
        editionSize: 30,
        stock: 0,
        creator: { slug: "west-lake-gallery", name: "West Lake Gallery" },
      }),
    ],
    itemsTotal: 51900,
  },
  featured: [],
  experiment: {
    key: "ink-and-paper",
    bucketVersion: 2,
    mode: "fixed",
    variants: [
      { position: 0, key: "control", name: "Control", content: empty },
      { position: 1, key: "save", name: "Save", content: { ...empty, headline: "Save $70" } },
    ],
  },
};

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

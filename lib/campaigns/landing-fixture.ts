/**
 * A landing page's data as lib/campaigns/landing.ts returns it, for tests: a running campaign of a course
 * and a sold-out edition from two partners, with a two-variant experiment.
 */
import type { ProductCard } from "@/lib/catalog/types";
import type { LandingCampaign } from "./landing";

export const emptyVariantContent = { headline: "", heroText: "", body: "", offer: "", cta: "" };
export const productCard = (over: Partial<ProductCard>): ProductCard => ({
  id: "p",
  kind: "course",
  slug: "s",
  title: "T",
  subtitle: "Sub",
  priceAmount: 8900,
  currency: "USD",
  imageSeed: 1,
  creator: { slug: "lin-mei", name: "Lin Mei" },
  locale: "en",
  fallback: {},
  level: "intermediate",
  medium: null,
  editionSize: null,
  stock: null,
  topic: null,
  ...over,
});

export const landingCampaign: LandingCampaign = {
  id: "c1",
  slug: "ink-and-paper",
  name: "Ink & Paper",
  status: "running",
  startsAt: "2026-01-01T00:00:00.000Z",
  endsAt: "2030-12-31T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  previewToken: "secret",
  content: { heroTitle: "Paint the mountain", heroText: "Hero", story: [] },
  audience: { segments: [], locales: [], visitors: "all" },
  partners: [
    { id: "a", slug: "lin-mei", name: "Lin Mei", kind: "instructor", bio: "", location: null, fallback: {} },
    {
      id: "b",
      slug: "west-lake-gallery",
      name: "West Lake Gallery",
      kind: "gallery",
      bio: "",
      location: null,
      fallback: {},
    },
  ],
  bundle: {
    id: "bundle",
    slug: "ink-and-paper-bundle",
    title: "Course + edition",
    description: "</script><script>alert(1)</script>",
    priceAmount: 44900,
    currency: "USD",
    status: "published",
    fallback: {},
    items: [
      productCard({ id: "course", slug: "misty", title: "Misty mountains" }),
      productCard({
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
      { position: 0, key: "control", name: "Control", content: emptyVariantContent },
      { position: 1, key: "save", name: "Save", content: { ...emptyVariantContent, headline: "Save $70" } },
    ],
  },
};

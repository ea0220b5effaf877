import { describe, expect, it } from "vitest";
import type { LandingCampaign } from "@/lib/campaigns/landing";
import type { ArtworkView, CourseView } from "@/lib/catalog/products";
import type { ProductCard } from "@/lib/catalog/types";
import { artworkJsonLd, campaignJsonLd, courseJsonLd, decimalPrice, serializeJsonLd } from "./json-ld";

const creator = {
  id: "c1",
  slug: "west-lake-gallery",
  name: "West Lake Gallery",
  kind: "gallery" as const,
  bio: "",
  location: null,
};
const base = {
  id: "p1",
  subtitle: "",
  description: "Ink on paper",
  priceAmount: 125050,
  currency: "USD",
  imageSeed: 1,
  creator,
  tags: [],
  topic: null,
};
const art: ArtworkView = {
  ...base,
  kind: "artwork",
  slug: "misty-peaks",
  title: "Misty peaks </script><script>alert(1)</script>",
  medium: "Ink on paper",
  widthMm: 450,
  heightMm: 900,
  depthMm: null,
  year: 2024,
  provenance: "",
  editionSize: 20,
  stock: 0,
};
const course: CourseView = {
  ...base,
  kind: "course",
  slug: "song-landscapes",
  title: "Song landscapes",
  level: "beginner",
  sections: [],
  lessonCount: 12,
  totalMinutes: 240,
};

describe("product JSON-LD", () => {
  it("describes an artwork as VisualArtwork with its offer and availability", () => {
    const ld = artworkJsonLd(art, { average: null, count: 0 }, "https://atelier.example");
    expect(ld).toMatchObject({
      "@type": ["VisualArtwork", "Product"],
      url: "https://atelier.example/artworks/misty-peaks",
      artMedium: "Ink on paper",
      artEdition: "20",
      creator: { "@type": "Organization", name: "West Lake Gallery" },
      offers: { price: "1250.50", priceCurrency: "USD", availability: "https://schema.org/SoldOut" },
    });
    expect(ld).not.toHaveProperty("aggregateRating");
  });

  it("adds AggregateRating once there are reviews", () => {
    expect(courseJsonLd(course, { average: 4.5, count: 2 }, "https://atelier.example")).toMatchObject({
      "@type": "Course",
      provider: { "@type": "Organization" },
      offers: { price: "1250.50", category: "Paid" },
      aggregateRating: { "@type": "AggregateRating", ratingValue: 4.5, reviewCount: 2 },
    });
  });

  it("lists the newest reviews as Review nodes, and a reviewer's markup cannot end the script", () => {
    const review = {
      userId: "u1",
      author: "Mal </script><script>alert(1)</script>",
      rating: 4,
      body: "Nice </script><img src=x onerror=alert(2)>",
      verified: true,
      createdAt: new Date("2026-11-01T10:00:00Z"),
    };
    const ld = artworkJsonLd(art, { average: 4, count: 1 }, "https://atelier.example", [review]);
    expect(ld.review).toEqual([
      {
        "@type": "Review",
        author: { "@type": "Person", name: review.author },
        datePublished: "2026-11-01",
        reviewRating: { "@type": "Rating", ratingValue: 4, bestRating: 5, worstRating: 1 },
        reviewBody: review.body,
      },
    ]);
    const out = serializeJsonLd(ld);
    expect(out).not.toMatch(/<\/?script|<img/i);
    expect(JSON.parse(out).review[0].reviewBody).toBe(review.body);
  });

  it("cannot be broken out of by text inside it", () => {
    const out = serializeJsonLd(artworkJsonLd(art, { average: null, count: 0 }, "https://atelier.example"));
    expect(out).not.toContain("</script>");
    expect(JSON.parse(out).name).toBe(art.title);
  });
});

// A landing page's data (lib/campaigns/landing.ts): a course and a sold-out edition from two partners.
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

describe("campaign JSON-LD", () => {
  const ld = campaignJsonLd(campaign, "https://atelier.example") as { "@graph": Record<string, unknown>[] };

  it("describes the bundle as a Product with an Offer valid for the window, the course and the artwork", () => {
    const [bundle, course, art] = ld["@graph"];
    expect(bundle).toMatchObject({
      "@type": "Product",
      url: "https://atelier.example/c/ink-and-paper",
      offers: {
        "@type": "Offer",
        price: "449.00",
        priceCurrency: "USD",
        priceValidUntil: "2030-12-31",
        availability: "https://schema.org/InStock",
      },
    });
    expect(course).toMatchObject({
      "@type": "Course",
      name: "Misty mountains",
      provider: { "@type": "Person", name: "Lin Mei" },
      offers: { price: "89.00" },
    });
    expect(art).toMatchObject({
      "@type": "VisualArtwork",
      artMedium: "Giclée",
      artEdition: "30",
      creator: { "@type": "Organization" },
      offers: { availability: "https://schema.org/SoldOut" },
    });
  });

  it("cannot close the script element it is embedded in", () => {
    const text = serializeJsonLd(ld);
    expect(text).not.toContain("</script>");
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(ld);
  });

  it("writes prices in the currency's own decimals", () => {
    expect(decimalPrice(44900, "USD")).toBe("449.00");
    expect(decimalPrice(5000, "JPY")).toBe("5000");
  });
});

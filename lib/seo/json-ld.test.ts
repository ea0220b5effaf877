import { describe, expect, it } from "vitest";
import { landingCampaign } from "@/lib/campaigns/landing-fixture";
import type { ArtworkView, CourseView } from "@/lib/catalog/products";
import { artworkJsonLd, campaignJsonLd, courseJsonLd, decimalPrice, serializeJsonLd } from "./json-ld";

const creator = {
  id: "c1",
  slug: "west-lake-gallery",
  name: "West Lake Gallery",
  kind: "gallery" as const,
  bio: "",
  location: null,
  country: null,
  fallback: {},
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
  locale: "en" as const,
  fallback: {},
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
  condition: null,
  certificate: false,
  detailFallback: {},
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

  it("points a Chinese page's data at the Chinese pages and says it is in Simplified Chinese", () => {
    const ld = courseJsonLd({ ...course, locale: "zh" }, { average: null, count: 0 }, "https://atelier.example");
    expect(ld).toMatchObject({
      inLanguage: "zh-Hans",
      url: "https://atelier.example/zh/courses/song-landscapes",
      provider: { url: "https://atelier.example/zh/creators/west-lake-gallery" },
      offers: { url: "https://atelier.example/zh/courses/song-landscapes" },
    });
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

const campaign = landingCampaign;

describe("campaign JSON-LD", () => {
  const ld = campaignJsonLd(campaign, "https://atelier.example", "en") as { "@graph": Record<string, unknown>[] };

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

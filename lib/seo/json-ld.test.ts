import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "@/lib/campaigns/json-ld";
import { artworkJsonLd, courseJsonLd } from "./json-ld";
import type { ArtworkView, CourseView } from "@/lib/catalog/products";

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

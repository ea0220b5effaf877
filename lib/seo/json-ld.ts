/**
 * schema.org structured data for product pages: a course as Course (with its Offer), an artwork as
 * VisualArtwork + Product (so search engines show price and availability), and AggregateRating once a
 * product has reviews. Pure: takes the page's data and the site URL. Serialize with serializeJsonLd.
 */
import { decimalPrice } from "@/lib/campaigns/json-ld";
import type { RatingSummary, ReviewView } from "@/lib/community/reviews";
import type { ArtworkView, CourseView, CreatorSummary } from "@/lib/catalog/products";
import { productImagePath } from "@/lib/catalog/types";

function creatorNode(creator: CreatorSummary, site: URL) {
  return {
    "@type": creator.kind === "gallery" ? "Organization" : "Person",
    name: creator.name,
    url: new URL(`/creators/${creator.slug}`, site).toString(),
  };
}

/** Only the latest few reviews: search engines read a sample; the page lists more. */
const JSON_LD_REVIEWS = 5;

/**
 * AggregateRating and the newest reviews, both from visible reviews only (the callers' readers leave
 * hidden ones out). Reviewers' text goes in as data; serializeJsonLd escapes "<" so it cannot end the script.
 */
function ratingNode(summary: RatingSummary, reviews: readonly ReviewView[]) {
  if (summary.count === 0 || summary.average === null) return {};
  return {
    aggregateRating: {
      "@type": "AggregateRating",
      ratingValue: summary.average,
      reviewCount: summary.count,
      bestRating: 5,
      worstRating: 1,
    },
    ...(reviews.length > 0
      ? {
          review: reviews.slice(0, JSON_LD_REVIEWS).map((r) => ({
            "@type": "Review",
            author: { "@type": "Person", name: r.author },
            datePublished: r.createdAt.toISOString().slice(0, 10),
            reviewRating: { "@type": "Rating", ratingValue: r.rating, bestRating: 5, worstRating: 1 },
            ...(r.body ? { reviewBody: r.body } : {}),
          })),
        }
      : {}),
  };
}

export function courseJsonLd(
  course: CourseView,
  summary: RatingSummary,
  siteUrl: string,
  reviews: readonly ReviewView[] = [],
): Record<string, unknown> {
  const site = new URL(siteUrl);
  const url = new URL(`/courses/${course.slug}`, site).toString();
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": `${url}#course`,
    name: course.title,
    description: course.subtitle || course.description,
    url,
    image: new URL(productImagePath({ kind: "course", slug: course.slug }), site).toString(),
    provider: creatorNode(course.creator, site),
    educationalLevel: course.level,
    offers: {
      "@type": "Offer",
      category: "Paid",
      price: decimalPrice(course.priceAmount, course.currency),
      priceCurrency: course.currency,
      url,
    },
    hasCourseInstance: { "@type": "CourseInstance", courseMode: "online", courseWorkload: `PT${course.totalMinutes}M` },
    ...ratingNode(summary, reviews),
  };
}

export function artworkJsonLd(
  art: ArtworkView,
  summary: RatingSummary,
  siteUrl: string,
  reviews: readonly ReviewView[] = [],
): Record<string, unknown> {
  const site = new URL(siteUrl);
  const url = new URL(`/artworks/${art.slug}`, site).toString();
  return {
    "@context": "https://schema.org",
    "@type": ["VisualArtwork", "Product"],
    "@id": `${url}#artwork`,
    name: art.title,
    description: art.subtitle || art.description,
    url,
    image: new URL(productImagePath({ kind: "artwork", slug: art.slug }), site).toString(),
    creator: creatorNode(art.creator, site),
    artMedium: art.medium,
    dateCreated: String(art.year),
    width: { "@type": "Distance", name: `${art.widthMm / 10} cm` },
    height: { "@type": "Distance", name: `${art.heightMm / 10} cm` },
    ...(art.editionSize > 1 ? { artEdition: String(art.editionSize) } : {}),
    offers: {
      "@type": "Offer",
      price: decimalPrice(art.priceAmount, art.currency),
      priceCurrency: art.currency,
      availability: art.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
      url,
    },
    ...ratingNode(summary, reviews),
  };
}

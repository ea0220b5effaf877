/**
 * schema.org structured data for every page that carries some, in one module so that the catalogue and
 * the campaigns need nothing of each other for it. Pure: each builder takes the page's data and the site
 * URL and returns a JSON-LD object; serialize it with serializeJsonLd.
 * - Product pages: a course as Course (with its Offer), an artwork as VisualArtwork + Product (so search
 *   engines show price and availability), and AggregateRating once a product has reviews.
 * - Campaign landing pages: the bundle as a Product with its Offer (valid for the campaign window), each
 *   course as a Course and each artwork as a VisualArtwork, linked from the bundle.
 */
import type { LandingCampaign } from "@/lib/campaigns/landing";
import type { ArtworkView, CourseView, CreatorSummary } from "@/lib/catalog/products";
import type { Locale } from "@/i18n/locales";
import { productImagePath, productPath, type ProductCard } from "@/lib/catalog/types";
import type { RatingSummary, ReviewView } from "@/lib/community/reviews";
import { localizedPath } from "@/i18n/paths";
import { currencyExponent } from "@/lib/money";

/** Minor units to the decimal string schema.org wants ("449.00"). */
export function decimalPrice(amount: number, currency: string): string {
  const exp = currencyExponent(currency);
  return (amount / 10 ** exp).toFixed(exp);
}

/** Safe inside a <script> element: no "</script>" or "<!--" can appear in the output. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

/** The absolute URL of a shop page in the language of the data describing it (`/zh/…` in Chinese). */
function pageUrl(path: string, locale: Locale, site: URL): string {
  return new URL(localizedPath(path, locale), site).toString();
}

// Product pages.

function creatorNode(creator: CreatorSummary, locale: Locale, site: URL) {
  return {
    "@type": creator.kind === "gallery" ? "Organization" : "Person",
    name: creator.name,
    url: pageUrl(`/creators/${creator.slug}`, locale, site),
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

/** schema.org inLanguage: BCP 47, with the script for Chinese (the content is Simplified). */
export function jsonLdLanguage(locale: Locale): string {
  return locale === "zh" ? "zh-Hans" : "en";
}

export function courseJsonLd(
  course: CourseView,
  summary: RatingSummary,
  siteUrl: string,
  reviews: readonly ReviewView[] = [],
): Record<string, unknown> {
  const site = new URL(siteUrl);
  const url = pageUrl(`/courses/${course.slug}`, course.locale, site);
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": `${url}#course`,
    name: course.title,
    description: course.subtitle || course.description,
    // The texts are the page's (the data layer picked them): say which language they are in.
    inLanguage: jsonLdLanguage(course.locale),
    url,
    image: new URL(productImagePath({ kind: "course", slug: course.slug }, course.locale), site).toString(),
    provider: creatorNode(course.creator, course.locale, site),
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
  const url = pageUrl(`/artworks/${art.slug}`, art.locale, site);
  return {
    "@context": "https://schema.org",
    "@type": ["VisualArtwork", "Product"],
    "@id": `${url}#artwork`,
    name: art.title,
    description: art.subtitle || art.description,
    inLanguage: jsonLdLanguage(art.locale),
    url,
    image: new URL(productImagePath({ kind: "artwork", slug: art.slug }, art.locale), site).toString(),
    creator: creatorNode(art.creator, art.locale, site),
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

// Campaign landing pages.

function cardCreatorNode(card: ProductCard, partners: LandingCampaign["partners"], site: URL) {
  const partner = partners.find((p) => p.slug === card.creator.slug);
  return {
    "@type": partner?.kind === "gallery" ? "Organization" : "Person",
    name: card.creator.name,
    url: pageUrl(`/creators/${card.creator.slug}`, card.locale, site),
  };
}

function cardOffer(card: ProductCard, site: URL) {
  const soldOut = card.kind === "artwork" && card.stock === 0;
  return {
    "@type": "Offer",
    price: decimalPrice(card.priceAmount, card.currency),
    priceCurrency: card.currency,
    availability: soldOut ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
    url: pageUrl(productPath(card), card.locale, site),
  };
}

function cardNode(card: ProductCard, c: LandingCampaign, site: URL) {
  const base = {
    "@id": `${pageUrl(productPath(card), card.locale, site)}#${card.kind}`,
    name: card.title,
    description: card.subtitle,
    url: pageUrl(productPath(card), card.locale, site),
    image: new URL(productImagePath(card, card.locale), site).toString(),
    offers: cardOffer(card, site),
  };
  if (card.kind === "course") {
    return {
      "@type": "Course",
      ...base,
      provider: cardCreatorNode(card, c.partners, site),
      ...(card.level ? { educationalLevel: card.level } : {}),
    };
  }
  return {
    "@type": "VisualArtwork",
    ...base,
    creator: cardCreatorNode(card, c.partners, site),
    ...(card.medium ? { artMedium: card.medium } : {}),
    ...(card.editionSize ? { artEdition: String(card.editionSize) } : {}),
  };
}

export function campaignJsonLd(c: LandingCampaign, siteUrl: string, locale: Locale): Record<string, unknown> {
  const site = new URL(siteUrl);
  const landingUrl = pageUrl(`/c/${c.slug}`, locale, site);
  const items = c.bundle.items.map((card) => cardNode(card, c, site));
  const featured = c.featured
    .filter((f) => !c.bundle.items.some((i) => i.id === f.id))
    .map((card) => cardNode(card, c, site));
  const bundle = {
    "@type": "Product",
    "@id": `${landingUrl}#bundle`,
    name: c.bundle.title,
    description: c.bundle.description,
    inLanguage: jsonLdLanguage(locale),
    url: landingUrl,
    image: new URL(`/c/${c.slug}/opengraph-image`, site).toString(),
    brand: c.partners.map((p) => ({ "@type": p.kind === "gallery" ? "Organization" : "Person", name: p.name })),
    isRelatedTo: items.map((i) => ({ "@id": i["@id"] })),
    offers: {
      "@type": "Offer",
      price: decimalPrice(c.bundle.priceAmount, c.bundle.currency),
      priceCurrency: c.bundle.currency,
      availability: c.status === "running" ? "https://schema.org/InStock" : "https://schema.org/Discontinued",
      validFrom: c.startsAt,
      priceValidUntil: c.endsAt.slice(0, 10),
      url: landingUrl,
    },
  };
  return { "@context": "https://schema.org", "@graph": [bundle, ...items, ...featured] };
}

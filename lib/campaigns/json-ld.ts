/**
 * schema.org structured data for a landing page: the bundle as a Product with its Offer (valid for the
 * campaign window), each course as a Course and each artwork as a VisualArtwork, linked from the bundle.
 * Pure: takes the landing data and absolute URLs, returns a JSON-LD object.
 */
import { productImagePath, productPath, type ProductCard } from "@/lib/catalog/types";
import { currencyExponent } from "@/lib/money";
import type { LandingCampaign } from "./landing";

/** Minor units to the decimal string schema.org wants ("449.00"). */
export function decimalPrice(amount: number, currency: string): string {
  const exp = currencyExponent(currency);
  return (amount / 10 ** exp).toFixed(exp);
}

function creatorNode(card: ProductCard, partners: LandingCampaign["partners"], site: URL) {
  const partner = partners.find((p) => p.slug === card.creator.slug);
  return {
    "@type": partner?.kind === "gallery" ? "Organization" : "Person",
    name: card.creator.name,
    url: new URL(`/creators/${card.creator.slug}`, site).toString(),
  };
}

function offer(card: ProductCard, site: URL) {
  const soldOut = card.kind === "artwork" && card.stock === 0;
  return {
    "@type": "Offer",
    price: decimalPrice(card.priceAmount, card.currency),
    priceCurrency: card.currency,
    availability: soldOut ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
    url: new URL(productPath(card), site).toString(),
  };
}

function itemNode(card: ProductCard, c: LandingCampaign, site: URL) {
  const base = {
    "@id": new URL(`${productPath(card)}#${card.kind}`, site).toString(),
    name: card.title,
    description: card.subtitle,
    url: new URL(productPath(card), site).toString(),
    image: new URL(productImagePath(card), site).toString(),
    offers: offer(card, site),
  };
  if (card.kind === "course") {
    return {
      "@type": "Course",
      ...base,
      provider: creatorNode(card, c.partners, site),
      ...(card.level ? { educationalLevel: card.level } : {}),
    };
  }
  return {
    "@type": "VisualArtwork",
    ...base,
    creator: creatorNode(card, c.partners, site),
    ...(card.medium ? { artMedium: card.medium } : {}),
    ...(card.editionSize ? { artEdition: String(card.editionSize) } : {}),
  };
}

export function campaignJsonLd(c: LandingCampaign, siteUrl: string): Record<string, unknown> {
  const site = new URL(siteUrl);
  const pageUrl = new URL(`/c/${c.slug}`, site).toString();
  const items = c.bundle.items.map((card) => itemNode(card, c, site));
  const featured = c.featured
    .filter((f) => !c.bundle.items.some((i) => i.id === f.id))
    .map((card) => itemNode(card, c, site));
  const bundle = {
    "@type": "Product",
    "@id": `${pageUrl}#bundle`,
    name: c.bundle.title,
    description: c.bundle.description,
    url: pageUrl,
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
      url: pageUrl,
    },
  };
  return { "@context": "https://schema.org", "@graph": [bundle, ...items, ...featured] };
}

/** Safe inside a <script> element: no "</script>" or "<!--" can appear in the output. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

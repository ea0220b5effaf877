import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArtistCard } from "@/components/artwork/artist-card";
import { ArtworkFacts } from "@/components/artwork/artwork-facts";
import { RoomPreview } from "@/components/artwork/room-preview";
import { ZoomableImage } from "@/components/artwork/zoomable-image";
import { TagList } from "@/components/catalog/tag-list";
import { OfferPanel } from "@/components/commerce/offer-panel";
import { PurchasePanel } from "@/components/commerce/purchase-panel";
import { DwellTracker } from "@/components/reco/dwell-tracker";
import { ItemStrip } from "@/components/reco/item-strip";
import { CommentsSection } from "@/components/community/comments-section";
import { ReviewsSection } from "@/components/community/reviews-section";
import { WorksGallery } from "@/components/community/works-gallery";
import { LocalizedText } from "@/components/ui/localized-text";
import { Price } from "@/components/ui/price";
import { getDb } from "@/db/client";
import { getArtworkBySlug } from "@/lib/catalog/products";
import { productImagePath } from "@/lib/catalog/types";
import { getPurchaseState } from "@/lib/commerce/purchase-state";
import { getRatingSummary, listReviews } from "@/lib/community/reviews";
import { listWorksForProduct } from "@/lib/community/works";
import { env } from "@/lib/env";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";
import { currentCartOwner } from "@/lib/server/cart-session";
import { artworkJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const art = await getArtworkBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!art) return {};
  return {
    title: `${art.title}, ${art.creator.name}`,
    description: art.description,
    alternates: alternatesFor(`/artworks/${art.slug}`, await pageLocale()),
  };
}

export default async function ArtworkPage({ params }: Props) {
  const art = await getArtworkBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!art) notFound();
  const owner = await currentCartOwner();
  const [t, locale, rating, communityWorks, latestReviews, state] = await Promise.all([
    getTranslations("product"),
    pageLocale(),
    getDb().then((db) => getRatingSummary(db, art.id)),
    getDb().then((db) => listWorksForProduct(db, art.id)),
    getDb().then((db) => listReviews(db, art.id, 5)),
    getPurchaseState({ productId: art.id, owner }),
  ]);
  // Pieces this viewer could buy: another collector's accepted offer holds one, so a reserved original
  // is neither "available" nor open to offers for anyone but that collector.
  const available = state.available ?? art.stock;
  const reserved = art.stock > 0 && available < 1;
  const sold = art.editionSize - art.stock;
  const path = `/artworks/${art.slug}`;
  const image = productImagePath({ kind: "artwork", slug: art.slug }, locale);
  return (
    <article className="grid gap-x-10 gap-y-6 lg:grid-cols-[1fr_24rem]">
      <div className="lg:col-start-1 lg:row-start-1">
        <ZoomableImage src={image} alt={t("artworkAlt", { title: art.title })} width={800} height={1000} />
      </div>
      <div className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <p className="text-sm tracking-wide text-muted uppercase">{t("kind.artwork")}</p>
        <h1 className="mt-1 font-serif text-4xl">
          <LocalizedText text={art.title} fallback={art.fallback.title} />
        </h1>
        <p className="mt-2 text-lg">
          <Link href={`/creators/${art.creator.slug}`} className="hover:text-accent">
            <LocalizedText text={art.creator.name} fallback={art.creator.fallback.name} />
          </Link>
          , {art.year}
        </p>
        <div className="mt-6 rounded-lg border border-line bg-white p-5">
          <Price amount={art.priceAmount} currency={art.currency} className="font-serif text-3xl" />
          <p className="mt-2 text-sm" role="status" data-testid="availability">
            {art.stock === 0 ? (
              <span className="text-accent-dark">{t("soldOut")}</span>
            ) : reserved ? (
              <span className="text-accent-dark">{t("reservedForOther")}</span>
            ) : art.editionSize === 1 ? (
              t("uniqueAvailable")
            ) : (
              t("editionAvailable", { next: sold + 1, size: art.editionSize, left: available })
            )}
          </p>
          {reserved && <p className="mt-1 text-sm text-muted">{t("reservedNote")}</p>}
          {available > 0 && (
            <PurchasePanel
              product={{
                id: art.id,
                kind: "artwork",
                slug: art.slug,
                title: art.title,
                priceAmount: art.priceAmount,
                currency: art.currency,
              }}
              state={state}
            />
          )}
        </div>
        <OfferPanel
          product={{
            id: art.id,
            slug: art.slug,
            priceAmount: art.priceAmount,
            currency: art.currency,
            available,
          }}
        />
        <ArtworkFacts art={art} />
        <p className="mt-6 leading-relaxed">
          <LocalizedText text={art.description} fallback={art.fallback.description} />
        </p>
        <TagList tags={art.tags} locale={locale} base="/artworks" />
        <ArtistCard creator={art.creator} returnTo={path} />
      </div>
      <div className="lg:col-start-1 lg:row-start-2">
        <RoomPreview
          widthMm={art.widthMm}
          heightMm={art.heightMm}
          imageSrc={image}
          imageWidth={800}
          imageHeight={1000}
        />
      </div>
      <div className="lg:col-span-2">
        <ReviewsSection productId={art.id} summary={rating} returnTo={path} />
        <CommentsSection productId={art.id} returnTo={path} />
        <WorksGallery works={communityWorks} productId={art.id} returnTo={path} />
      </div>
      {/* JSON-LD escapes "<", so text from creators or reviewers cannot close the script element. */}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(artworkJsonLd(art, rating, env.SITE_URL, latestReviews)) }}
      />
      <DwellTracker productId={art.id} />
      <ItemStrip productId={art.id} kind="artwork" relation="cross" />
      <ItemStrip productId={art.id} kind="artwork" relation="similar" />
    </article>
  );
}

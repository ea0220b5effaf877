import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TagList } from "@/components/catalog/tag-list";
import { OfferPanel } from "@/components/commerce/offer-panel";
import { PurchasePanel } from "@/components/commerce/purchase-panel";
import { DwellTracker } from "@/components/reco/dwell-tracker";
import { ItemStrip } from "@/components/reco/item-strip";
import { CommentsSection } from "@/components/community/comments-section";
import { ReviewsSection } from "@/components/community/reviews-section";
import { WorksGallery } from "@/components/community/works-gallery";
import { Price } from "@/components/ui/price";
import { getDb } from "@/db/client";
import { getArtworkBySlug } from "@/lib/catalog/products";
import { productImagePath } from "@/lib/catalog/types";
import { getRatingSummary, listReviews } from "@/lib/community/reviews";
import { listWorksForProduct } from "@/lib/community/works";
import { env } from "@/lib/env";
import { artworkJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const art = await getArtworkBySlug({ slug: (await params).slug });
  if (!art) return {};
  return {
    title: `${art.title}, ${art.creator.name}`,
    description: art.description,
    alternates: { canonical: `/artworks/${art.slug}` },
  };
}

const cm = (mm: number) => (mm / 10).toLocaleString("en", { maximumFractionDigits: 1 });

export default async function ArtworkPage({ params }: Props) {
  const art = await getArtworkBySlug({ slug: (await params).slug });
  if (!art) notFound();
  const [t, locale, rating, communityWorks, latestReviews] = await Promise.all([
    getTranslations("product"),
    getLocale(),
    getDb().then((db) => getRatingSummary(db, art.id)),
    getDb().then((db) => listWorksForProduct(db, art.id)),
    getDb().then((db) => listReviews(db, art.id, 5)),
  ]);
  const sold = art.editionSize - art.stock;
  const size = art.depthMm
    ? `${cm(art.heightMm)} × ${cm(art.widthMm)} × ${cm(art.depthMm)} cm`
    : `${cm(art.heightMm)} × ${cm(art.widthMm)} cm`;
  return (
    <article className="grid gap-10 lg:grid-cols-[1fr_24rem]">
      <div>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={productImagePath({ kind: "artwork", slug: art.slug })}
          alt={t("artworkAlt", { title: art.title })}
          width={800}
          height={1000}
          className="mx-auto max-h-[80vh] w-auto rounded border border-line bg-white shadow-sm"
        />
      </div>
      <div>
        <p className="text-sm tracking-wide text-muted uppercase">{t("kind.artwork")}</p>
        <h1 className="mt-1 font-serif text-4xl">{art.title}</h1>
        <p className="mt-2 text-lg">
          <Link href={`/creators/${art.creator.slug}`} className="hover:text-accent">
            {art.creator.name}
          </Link>
          , {art.year}
        </p>
        <div className="mt-6 rounded-lg border border-line bg-white p-5">
          <Price amount={art.priceAmount} currency={art.currency} className="font-serif text-3xl" />
          <p className="mt-2 text-sm" role="status">
            {art.stock === 0 ? (
              <span className="text-accent-dark">{t("soldOut")}</span>
            ) : art.editionSize === 1 ? (
              t("uniqueAvailable")
            ) : (
              t("editionAvailable", { next: sold + 1, size: art.editionSize, left: art.stock })
            )}
          </p>
          {art.stock > 0 && <PurchasePanel product={{ id: art.id, kind: "artwork", slug: art.slug }} />}
        </div>
        <OfferPanel
          product={{
            id: art.id,
            slug: art.slug,
            priceAmount: art.priceAmount,
            currency: art.currency,
            stock: art.stock,
          }}
        />
        <dl className="mt-6 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-muted">{t("medium")}</dt>
          <dd>{art.medium}</dd>
          <dt className="text-muted">{t("dimensions")}</dt>
          <dd>{size}</dd>
          <dt className="text-muted">{t("year")}</dt>
          <dd>{art.year}</dd>
          <dt className="text-muted">{t("edition")}</dt>
          <dd>{art.editionSize === 1 ? t("unique") : t("editionOf", { size: art.editionSize })}</dd>
          <dt className="text-muted">{t("provenance")}</dt>
          <dd>{art.provenance}</dd>
        </dl>
        <p className="mt-6 leading-relaxed">{art.description}</p>
        <TagList tags={art.tags} locale={locale} base="/artworks" />
      </div>
      <div className="lg:col-span-2">
        <ReviewsSection productId={art.id} summary={rating} returnTo={`/artworks/${art.slug}`} />
        <CommentsSection productId={art.id} returnTo={`/artworks/${art.slug}`} />
        <WorksGallery works={communityWorks} productId={art.id} returnTo={`/artworks/${art.slug}`} />
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

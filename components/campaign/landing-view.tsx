import { Link } from "@/i18n/navigation";
import Markdown from "react-markdown";
import { getTranslations } from "next-intl/server";
import { ProductGrid } from "@/components/catalog/product-card";
import { LocalizedText } from "@/components/ui/localized-text";
import { MarkdownImage } from "@/components/ui/markdown-image";
import { Price } from "@/components/ui/price";
import { BundleCta } from "./bundle-cta";
import type { LandingCampaign, LandingVariant } from "@/lib/campaigns/landing";
import { landingCopy } from "@/lib/campaigns/landing-variant";
import { productImagePath, productPath } from "@/lib/catalog/types";

type Props = {
  campaign: LandingCampaign;
  variant: LandingVariant;
  /** Shown above the page for studio users and preview links. */
  previewNote?: string | null;
  now: number;
};

/**
 * The landing page body. The root element carries data-experiment / data-variant so analytics, tests and
 * people inspecting the page can see which variant the server rendered (no client-side swap, no flicker).
 */
export async function LandingView({ campaign, variant, previewNote, now }: Props) {
  const t = await getTranslations("landing");
  const copy = landingCopy(campaign, variant);
  // A variant with no Chinese copy shows its English one on a Chinese page, marked like any fallback.
  const variantLang = variant.contentFallback;
  const langOf = (override: string) => (override ? variantLang : campaign.contentFallback);
  const { bundle } = campaign;
  const saving = bundle.itemsTotal - bundle.priceAmount;
  const ended = campaign.status === "ended" || Date.parse(campaign.endsAt) <= now;
  const notStarted = Date.parse(campaign.startsAt) > now;
  const buyable = campaign.status === "running" && !ended && !notStarted && bundle.status === "published";
  const endDate = new Date(campaign.endsAt);

  return (
    <article data-experiment={campaign.experiment.key} data-variant={variant.key} className="space-y-14">
      {previewNote && (
        <p role="status" className="rounded-md border border-accent bg-white px-4 py-2 text-sm text-accent-dark">
          {previewNote}
        </p>
      )}

      <header className="grid items-center gap-8 lg:grid-cols-[1.1fr_1fr]">
        <div>
          <p className="text-sm tracking-wide text-muted uppercase">
            {t("partnership", { names: campaign.partners.map((p) => p.name).join(" × ") })}
          </p>
          <h1 className="mt-2 font-serif text-4xl leading-tight sm:text-5xl">
            <LocalizedText text={copy.headline} fallback={langOf(variant.content.headline)} />
          </h1>
          {copy.heroText && (
            <p className="mt-4 text-lg text-muted">
              <LocalizedText text={copy.heroText} fallback={langOf(variant.content.heroText)} />
            </p>
          )}
          {copy.body && (
            <p className="mt-4 leading-relaxed">
              <LocalizedText text={copy.body} fallback={variantLang} />
            </p>
          )}
        </div>
        <div className="flex items-end gap-3" aria-hidden="true">
          {bundle.items.slice(0, 2).map((item, i) => (
            // Decorative duplicates of the item images below, each at its own aspect ratio (a course
            // cover is 16:9, an artwork 4:5); the first is the page's largest paint.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              key={item.id}
              src={productImagePath(item, item.locale)}
              alt=""
              width={item.kind === "course" ? 1200 : 800}
              height={item.kind === "course" ? 675 : 1000}
              fetchPriority={i === 0 ? "high" : "auto"}
              className={`h-auto rounded-lg border border-line bg-white ${item.kind === "course" ? "w-3/5" : "w-2/5"}`}
            />
          ))}
        </div>
      </header>

      <section aria-labelledby="offer-title" className="rounded-xl border border-line bg-white p-6 sm:p-8">
        <div className="flex flex-wrap items-start justify-between gap-6">
          <div className="max-w-2xl min-w-0">
            <h2 id="offer-title" className="font-serif text-3xl">
              <LocalizedText text={bundle.title} fallback={bundle.fallback.title} />
            </h2>
            {bundle.description && (
              <p className="mt-2 text-muted">
                <LocalizedText text={bundle.description} fallback={bundle.fallback.description} />
              </p>
            )}
            {copy.offer && (
              <p className="mt-3 inline-block rounded-full bg-moss px-3 py-1 text-sm text-white">
                <LocalizedText text={copy.offer} fallback={variantLang} />
              </p>
            )}
            <h3 className="mt-6 text-sm font-medium tracking-wide text-muted uppercase">{t("includes")}</h3>
            <ul className="mt-2 space-y-2">
              {bundle.items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-baseline gap-x-2">
                  <Link href={productPath(item)} className="font-medium hover:text-accent">
                    <LocalizedText text={item.title} fallback={item.fallback.title} />
                  </Link>
                  <span className="text-sm text-muted">
                    {t(`kind.${item.kind}`)} ·{" "}
                    <LocalizedText text={item.creator.name} fallback={item.fallback.creatorName} /> ·{" "}
                    <Price amount={item.priceAmount} currency={item.currency} />
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div className="shrink-0 text-right">
            <p className="text-sm text-muted">{t("bundlePrice")}</p>
            <p className="font-serif text-4xl">
              <Price amount={bundle.priceAmount} currency={bundle.currency} />
            </p>
            {saving > 0 && (
              <p className="mt-1 text-sm text-moss">
                {t("saving")} <Price amount={saving} currency={bundle.currency} />
              </p>
            )}
            <p className="mt-1 text-sm text-muted">{t("validUntil", { date: endDate })}</p>
            {buyable ? (
              <BundleCta bundleId={bundle.id} label={copy.cta || t("cta")} variantKey={variant.key} />
            ) : (
              <p className="mt-4 rounded-md border border-line px-4 py-3 text-sm text-muted">
                {ended ? t("ended") : notStarted ? t("notStarted") : t("unavailable")}
              </p>
            )}
          </div>
        </div>
      </section>

      {campaign.content.story.length > 0 && (
        <section aria-labelledby="story-title" className="mx-auto max-w-3xl space-y-8" lang={campaign.contentFallback}>
          <h2 id="story-title" className="sr-only">
            {t("story")}
          </h2>
          {campaign.content.story.map((block, i) => (
            <div key={i}>
              <h3 className="font-serif text-2xl">
                <LocalizedText text={block.heading} fallback={campaign.contentFallback} />
              </h3>
              <div className="prose-lesson mt-2 leading-relaxed">
                {/* Markdown without raw HTML (react-markdown's default): marketers format, nobody injects;
                    images from this site only (a foreign one would be a tracking pixel). */}
                <Markdown components={{ img: ({ src, alt }) => <MarkdownImage src={src} alt={alt} /> }}>
                  {block.body}
                </Markdown>
              </div>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="partners-title">
        <h2 id="partners-title" className="font-serif text-2xl">
          {t("partners")}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {campaign.partners.map((p) => (
            <li key={p.id} className="rounded-lg border border-line bg-white p-4">
              <p className="text-xs tracking-wide text-muted uppercase">
                {t(`creatorKind.${p.kind}`)}
                {p.location && (
                  <>
                    {" "}
                    · <LocalizedText text={p.location} fallback={p.fallback.location} />
                  </>
                )}
              </p>
              <Link href={`/creators/${p.slug}`} className="font-serif text-xl hover:text-accent">
                <LocalizedText text={p.name} fallback={p.fallback.name} />
              </Link>
              <p className="mt-1 text-sm text-muted">
                <LocalizedText text={p.bio} fallback={p.fallback.bio} />
              </p>
            </li>
          ))}
        </ul>
      </section>

      {campaign.featured.length > 0 && (
        <section aria-labelledby="featured-title">
          <h2 id="featured-title" className="font-serif text-2xl">
            {t("featured")}
          </h2>
          <div className="mt-4">
            <ProductGrid products={campaign.featured} label={t("featured")} />
          </div>
        </section>
      )}
    </article>
  );
}

import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { ProductGrid } from "@/components/catalog/product-card";
import { LocalizedText } from "@/components/ui/localized-text";
import { Price } from "@/components/ui/price";
import { getBundleBySlug, type BundleView } from "@/lib/catalog/products";
import { getPurchaseState } from "@/lib/commerce/purchase-state";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";
import { currentCartOwner } from "@/lib/server/cart-session";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const bundle = await getBundleBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!bundle) return {};
  return {
    title: bundle.title,
    description: bundle.description || bundle.subtitle,
    alternates: alternatesFor(`/bundles/${bundle.slug}`, await pageLocale()),
  };
}

/** A bundle (e.g. a campaign's course + edition): its price against its items bought one by one, and the items. */
export default async function BundlePage({ params }: Props) {
  const bundle = await getBundleBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!bundle) notFound();
  const t = await getTranslations("bundle");
  const percent = bundle.itemsTotal > 0 ? Math.round((bundle.saving / bundle.itemsTotal) * 100) : 0;
  return (
    <article className="space-y-10">
      <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
        <div>
          <p className="text-sm tracking-wide text-muted uppercase">
            {t("kind")} · {t("itemCount", { count: bundle.items.length })}
          </p>
          <h1 className="mt-1 font-serif text-4xl">
            <LocalizedText text={bundle.title} fallback={bundle.fallback.title} />
          </h1>
          {bundle.subtitle && (
            <p className="mt-2 text-lg text-muted">
              <LocalizedText text={bundle.subtitle} fallback={bundle.fallback.subtitle} />
            </p>
          )}
          {bundle.description && (
            <p className="mt-6 leading-relaxed">
              <LocalizedText text={bundle.description} fallback={bundle.fallback.description} />
            </p>
          )}
          <p className="mt-4 text-sm text-muted">
            {t("offeredBy")}{" "}
            <Link href={`/creators/${bundle.creator.slug}`} className="hover:text-accent">
              <LocalizedText text={bundle.creator.name} fallback={bundle.creator.fallback.name} />
            </Link>
          </p>
        </div>
        <aside className="rounded-lg border border-line bg-white p-5 lg:self-start" aria-labelledby="bundle-price">
          <h2 id="bundle-price" className="sr-only">
            {t("priceHeading")}
          </h2>
          <Price amount={bundle.priceAmount} currency={bundle.currency} className="font-serif text-3xl" />
          {bundle.itemsTotal > 0 && (
            <dl className="mt-3 grid grid-cols-[1fr_auto] gap-y-1 text-sm" data-testid="bundle-saving">
              <dt className="text-muted">{t("separately")}</dt>
              <dd className="text-right text-muted line-through">
                <Price amount={bundle.itemsTotal} currency={bundle.currency} />
              </dd>
              {bundle.saving > 0 && (
                <>
                  <dt className="font-medium text-moss">{t("youSave")}</dt>
                  <dd className="text-right font-medium text-moss">
                    <Price amount={bundle.saving} currency={bundle.currency} /> ({t("percent", { percent })})
                  </dd>
                </>
              )}
            </dl>
          )}
          <BundlePurchase bundle={bundle} />
        </aside>
      </div>
      <section aria-labelledby="bundle-items">
        <h2 id="bundle-items" className="mb-4 font-serif text-2xl">
          {t("itemsHeading")}
        </h2>
        <ProductGrid products={bundle.items} label={t("itemsHeading")} />
      </section>
    </article>
  );
}

/** Add to cart, or why not: an item withdrawn from sale, a sold-out artwork, a course the viewer owns. */
async function BundlePurchase({ bundle }: { bundle: BundleView }) {
  const t = await getTranslations("bundle");
  const note = (text: string) => (
    <p className="mt-4 text-sm text-accent-dark" data-testid="purchase-panel">
      {text}
    </p>
  );
  if (!bundle.complete) return note(t("unavailable"));
  if (bundle.items.some((i) => i.kind === "artwork" && (i.stock ?? 0) < 1)) return note(t("soldOut"));
  const owner = await currentCartOwner();
  const courses = bundle.items.filter((i) => i.kind === "course");
  const [state, ...courseStates] = await Promise.all(
    [bundle, ...courses].map((p) => getPurchaseState({ productId: p.id, owner })),
  );
  const owned = courses.find((_, i) => courseStates[i]?.owned);
  if (owned) return note(t("ownedCourse", { title: owned.title }));
  return (
    <div className="mt-4" data-testid="purchase-panel">
      <AddToCartForm productId={bundle.id} inCart={state?.inCart ?? 0} />
    </div>
  );
}

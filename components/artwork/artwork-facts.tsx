import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import { getDb } from "@/db/client";
import { intlLocale, type Locale } from "@/i18n/locales";
import type { ArtworkView } from "@/lib/catalog/products";
import { shippingRange } from "@/lib/commerce/shipping-rates";
import { listRatesForCreator } from "@/lib/commerce/shipping-store";
import { formatMoney } from "@/lib/money";
import { placeName } from "./place-name";

/**
 * The facts a collector checks before buying: medium, size, edition, condition, certificate,
 * provenance, where the piece ships from and what shipping costs across the creator's zones (the exact
 * figure needs the buyer's address: checkout quotes it).
 */
export async function ArtworkFacts({ art }: { art: ArtworkView }) {
  const [t, tp, locale, format] = await Promise.all([
    getTranslations("artwork"),
    getTranslations("product"),
    getLocale(),
    getFormatter(),
  ]);
  const cm = (mm: number) => format.number(mm / 10, "short");
  const size = art.depthMm
    ? `${cm(art.heightMm)} × ${cm(art.widthMm)} × ${cm(art.depthMm)} cm`
    : `${cm(art.heightMm)} × ${cm(art.widthMm)} cm`;
  const from = placeName(art.creator, locale);
  const range = shippingRange(await listRatesForCreator(await getDb(), { creatorId: art.creator.id }), art.currency, {
    widthMm: art.widthMm,
    heightMm: art.heightMm,
    depthMm: art.depthMm,
    unitAmount: art.priceAmount,
    quantity: 1,
    original: art.editionSize === 1,
  });
  const money = (amount: number) => formatMoney({ amount, currency: art.currency }, intlLocale(locale as Locale));
  return (
    <dl className="mt-6 grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm" data-testid="artwork-facts">
      <dt className="text-muted">{tp("medium")}</dt>
      <dd>
        <LocalizedText text={art.medium} fallback={art.detailFallback.medium} />
      </dd>
      <dt className="text-muted">{tp("dimensions")}</dt>
      <dd>{size}</dd>
      <dt className="text-muted">{tp("year")}</dt>
      <dd>{art.year}</dd>
      <dt className="text-muted">{tp("edition")}</dt>
      <dd>{art.editionSize === 1 ? tp("unique") : tp("editionOf", { size: art.editionSize })}</dd>
      {art.condition && (
        <>
          <dt className="text-muted">{t("condition")}</dt>
          <dd>
            {t(`conditions.${art.condition}`)}
            <span className="block text-xs text-muted">{t(`conditionNotes.${art.condition}`)}</span>
          </dd>
        </>
      )}
      <dt className="text-muted">{t("certificate")}</dt>
      <dd>
        {art.certificate
          ? t(art.creator.kind === "gallery" ? "certificateFromGallery" : "certificateFromArtist")
          : t("certificateNone")}
      </dd>
      {art.provenance && (
        <>
          <dt className="text-muted">{tp("provenance")}</dt>
          <dd>
            <LocalizedText text={art.provenance} fallback={art.detailFallback.provenance} />
          </dd>
        </>
      )}
      <dt className="text-muted">{t("shipsFrom")}</dt>
      <dd>
        {from ?? t("shipsFromUnknown")}
        {range && (
          <span className="block" data-testid="shipping-estimate">
            {t(range.min === range.max ? "shippingEstimateOne" : "shippingEstimate", {
              min: money(range.min),
              max: money(range.max),
            })}
          </span>
        )}
        <span className="block text-xs text-muted">{t("shippingCost")}</span>
      </dd>
    </dl>
  );
}

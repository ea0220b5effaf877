import { Link } from "@/i18n/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Price } from "@/components/ui/price";
import { intlLocale, type Locale } from "@/i18n/locales";
import { formatMoney } from "@/lib/money";
import { listOffersForBuyer } from "@/lib/commerce/offers";
import { isOwnWork } from "@/lib/commerce/ownership";
import { getCurrentUser } from "@/lib/server/session";
import { OfferButtons } from "./offer-buttons";
import { OfferForm } from "./offer-form";

/** `available`: pieces this viewer could buy now (stock minus pieces held for other collectors). */
type Props = { product: { id: string; slug: string; priceAmount: number; currency: string; available: number } };

/**
 * "Make an offer" on an artwork page, or the state of the viewer's open offer on it. Nothing at all when
 * no piece is left for this viewer (sold out, or reserved for another collector): there is nothing to
 * offer on, and a sign-in prompt to make an offer would say otherwise.
 */
export async function OfferPanel({ product }: Props) {
  const [t, locale, format, user] = await Promise.all([
    getTranslations("offers"),
    getLocale(),
    getFormatter(),
    getCurrentUser(),
  ]);
  // Nothing to offer on and no offer of this viewer's to follow: no panel, not even a sign-in prompt.
  if (product.available < 1 && !user) return null;
  const fmt = intlLocale(locale as Locale);
  const box = (children: React.ReactNode) => (
    <section
      aria-labelledby="offer-heading"
      className="mt-6 rounded-lg border border-line bg-white p-5"
      data-testid="offer-panel"
    >
      <h2 id="offer-heading" className="font-serif text-xl">
        {t("title")}
      </h2>
      <div className="mt-3 space-y-3 text-sm">{children}</div>
    </section>
  );
  if (!user)
    return box(
      <p>
        {t("signInPrompt")}{" "}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/artworks/${product.slug}`)}`}
          className="text-accent underline"
        >
          {t("signIn")}
        </Link>
      </p>,
    );
  // The artist (not an admin, who may manage every product but made none of them) gets no offer form.
  if (await isOwnWork(user.id, product.id))
    return box(
      <p>
        {t("ownWork")}{" "}
        <Link href="/studio/offers" className="text-accent underline">
          {t("toStudio")}
        </Link>
      </p>,
    );
  const mine = await listOffersForBuyer({ buyerId: user.id, productId: product.id });
  const open = mine.find((o) => o.status === "pending" || o.status === "countered" || o.status === "accepted");
  const last = mine[0];
  if (open) {
    const until = open.reservedUntil ? format.dateTime(open.reservedUntil, "dateTime") : "";
    return box(
      <>
        <p>
          {t("yourOffer")} <Price amount={open.amount} currency={open.currency} className="font-medium" /> ·{" "}
          {t(`status.${open.status}`)}
        </p>
        {(open.status === "countered" || open.status === "accepted") && open.counterAmount !== null && (
          <p className="text-moss">
            {t("counterFrom")} <Price amount={open.counterAmount} currency={open.currency} className="font-medium" />
          </p>
        )}
        {open.status === "accepted" && <p className="text-moss">{t("acceptedNote", { until })}</p>}
        <OfferButtons
          offerId={open.id}
          responses={open.status === "countered" ? ["accept", "decline", "withdraw"] : ["withdraw"]}
        />
      </>,
    );
  }
  if (product.available < 1) return null;
  return box(
    <>
      {last && <p className="text-muted">{t("lastOffer", { status: t(`status.${last.status}`) })}</p>}
      <OfferForm
        productId={product.id}
        currency={product.currency}
        listPriceLabel={formatMoney({ amount: product.priceAmount, currency: product.currency }, fmt)}
      />
    </>,
  );
}

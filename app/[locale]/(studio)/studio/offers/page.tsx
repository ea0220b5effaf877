import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { OfferResponseForm } from "@/components/studio/offer-response-form";
import { Price } from "@/components/ui/price";
import { listOffersForCreator } from "@/lib/commerce/offers";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("offers");

/** Offers on the creator's artworks (every artwork's for admins), newest activity first. */
export default async function StudioOffersPage() {
  const user = await requireRole(["creator", "admin"], "/studio/offers");
  const [t, format, offers] = await Promise.all([
    getTranslations("offers"),
    getFormatter(),
    listOffersForCreator({ actor: user }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl">{t("studioTitle")}</h1>
      {offers.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {offers.map((o) => (
            <li key={o.id} className="rounded-lg border border-line bg-white p-4 text-sm" data-testid="studio-offer">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/artworks/${o.productSlug}`} className="font-medium hover:text-accent">
                  {o.productTitle}
                </Link>
                <span className="text-muted">{t(`studioStatus.${o.status}`)}</span>
              </div>
              <p className="mt-1">
                {t("fromBuyer", { name: o.buyerName ?? "—" })}:{" "}
                <Price amount={o.amount} currency={o.currency} className="font-medium" /> ({t("listPrice")}{" "}
                <Price amount={o.listAmount} currency={o.currency} />)
                {o.counterAmount !== null && (
                  <>
                    {" "}
                    · {t("yourCounter")} <Price amount={o.counterAmount} currency={o.currency} />
                  </>
                )}
              </p>
              {o.message && (
                <blockquote className="mt-1 border-l-2 border-line pl-2 text-muted">{o.message}</blockquote>
              )}
              {o.reservedUntil && (
                <p className="mt-1 text-moss">
                  {t("reservedUntil", { until: format.dateTime(o.reservedUntil, "dateTime") })}
                </p>
              )}
              <p className="mt-1 text-xs text-muted">{format.dateTime(o.createdAt, "dateTime")}</p>
              {o.status === "pending" && (
                <div className="mt-3">
                  <OfferResponseForm offerId={o.id} currency={o.currency} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

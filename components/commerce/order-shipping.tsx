import { getFormatter, getTranslations } from "next-intl/server";
import { AddressLines } from "@/components/checkout/shipping-section";
import { Price } from "@/components/ui/price";
import type { FulfilmentView } from "@/lib/commerce/fulfilments";
import type { OrderDetail } from "@/lib/commerce/orders";

/** The order's shipping and tax lines, under its items. */
export async function OrderCharges({ charges }: { charges: OrderDetail["charges"] }) {
  if (charges.length === 0) return null;
  const t = await getTranslations("orders");
  return (
    <ul className="space-y-1 text-sm" data-testid="order-charges">
      {charges.map((c, i) => (
        <li key={i} className={`flex justify-between gap-4 ${c.kind === "tax" ? "text-muted" : ""}`}>
          <span>
            {c.kind === "shipping"
              ? t("shippingFrom", { creator: c.title })
              : t(c.included ? "taxIncluded" : "tax", { label: c.title })}
          </span>
          <Price amount={c.amount} currency={c.currency} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Where the artworks go and where each creator's parcel stands: waiting to be sent, shipped with the
 * carrier and tracking number the creator gave, or delivered (and when).
 */
export async function OrderShipping({
  address,
  fulfilments,
}: {
  address: NonNullable<OrderDetail["address"]>;
  fulfilments: FulfilmentView[];
}) {
  const [t, format] = await Promise.all([getTranslations("orders"), getFormatter()]);
  return (
    <section
      aria-labelledby="order-shipping"
      className="grid gap-4 rounded-lg border border-line bg-white p-4 sm:grid-cols-2"
    >
      <div>
        <h2 id="order-shipping" className="mb-2 text-sm tracking-wide text-muted uppercase">
          {t("shipTo")}
        </h2>
        <AddressLines address={address} />
      </div>
      <div>
        <h2 className="mb-2 text-sm tracking-wide text-muted uppercase">{t("delivery")}</h2>
        <ul className="space-y-2 text-sm" data-testid="fulfilments">
          {fulfilments.map((f) => (
            <li key={f.id}>
              <span className="font-medium">{f.creatorName}</span>: {t(`fulfilment.${f.status}`)}
              {f.status === "delivered" && f.deliveredAt && (
                <span className="block" data-testid="delivered-on">
                  {t("deliveredOn", { date: format.dateTime(f.deliveredAt, "dateLong") })}
                </span>
              )}
              {f.status !== "pending" && f.carrier && (
                <span className="block text-muted">
                  {t("trackingWith", {
                    carrier: f.carrier,
                    tracking: f.trackingNumber ?? "",
                    date: f.shippedAt ? format.dateTime(f.shippedAt, "date") : "",
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { MarkDeliveredForm } from "@/components/studio/mark-delivered-form";
import { MarkShippedForm } from "@/components/studio/mark-shipped-form";
import { listFulfilmentsForCreator } from "@/lib/commerce/fulfilments";
import { getCreatorForUser } from "@/lib/commerce/ownership";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("shipments", { index: false });

/**
 * A creator's parcels to send: each paid order's part with what to pack (edition numbers included) and
 * where it goes, a form to mark it shipped, then a button to mark it delivered. Only the creator's own; addresses are shown to the
 * creator who ships to them and to no one else.
 */
export default async function StudioShipmentsPage() {
  const user = await requireRole(["creator"], "/studio/shipments");
  const [t, format, creator] = await Promise.all([
    getTranslations("shipments"),
    getFormatter(),
    getCreatorForUser(user.id),
  ]);
  if (!creator) return <p className="text-muted">{t("noCreatorProfile")}</p>;
  const parts = await listFulfilmentsForCreator({ creatorId: creator.id });
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      {parts.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="space-y-4">
          {parts.map((p) => (
            <li key={p.id} className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid="shipment">
              <p className="text-sm text-muted">
                {t("order", { ref: p.orderId.slice(0, 8).toUpperCase(), date: format.dateTime(p.placedAt, "date") })} ·{" "}
                {t(`status.${p.status}`)}
              </p>
              <ul className="text-sm">
                {p.items.map((i, n) => (
                  <li key={n}>
                    {i.title} × {i.quantity}
                    {i.edition && <span className="text-muted"> · {t("edition", { edition: i.edition })}</span>}
                  </li>
                ))}
              </ul>
              {p.address && (
                <address className="text-sm not-italic">
                  {[p.address.name, ...p.address.lines, p.address.phone].map((l, n) => (
                    <span key={n} className="block">
                      {l}
                    </span>
                  ))}
                </address>
              )}
              {p.status === "pending" ? (
                <MarkShippedForm fulfilmentId={p.id} />
              ) : (
                <p className="text-sm">
                  {t("sentWith", { carrier: p.carrier ?? "", tracking: p.trackingNumber ?? "" })}
                </p>
              )}
              {p.status === "shipped" && <MarkDeliveredForm fulfilmentId={p.id} />}
              {p.status === "delivered" && p.deliveredAt && (
                <p className="text-sm">{t("deliveredOn", { date: format.dateTime(p.deliveredAt, "date") })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

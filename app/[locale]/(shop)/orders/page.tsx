import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Price } from "@/components/ui/price";
import { listOrdersForUser } from "@/lib/commerce/orders";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("orders", { index: false });

export default async function OrdersPage() {
  const user = await requireUser("/orders");
  const [t, format, orders] = await Promise.all([
    getTranslations("orders"),
    getFormatter(),
    listOrdersForUser({ userId: user.id }),
  ]);
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      {orders.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white">
          {orders.map((o) => (
            <li key={o.id}>
              <Link
                href={`/orders/${o.id}`}
                className="flex flex-wrap items-center justify-between gap-4 p-4 hover:bg-paper"
              >
                <span className="min-w-0">
                  <span className="block font-medium">{o.titles.join(", ")}</span>
                  <span className="text-sm text-muted">
                    {format.dateTime(o.createdAt, "date")} · {t("items", { count: o.itemCount })} ·{" "}
                    {t(`status.${o.status}`)}
                  </span>
                </span>
                <Price amount={o.totalAmount} currency={o.currency} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Price } from "@/components/ui/price";
import { intlLocale, type Locale } from "@/i18n/locales";
import { productPath } from "@/lib/catalog/types";
import { getOrderForBuyer } from "@/lib/commerce/orders";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("order", { index: false });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Order detail and, right after checkout (?placed=1), its confirmation. Only the buyer sees it. */
export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(id)}`);
  const order = await getOrderForBuyer({ orderId: id, userId: user.id });
  if (!order) notFound();
  const placed = (await searchParams).placed === "1";
  const [t, locale] = await Promise.all([getTranslations("orders"), getLocale()]);
  const date = new Intl.DateTimeFormat(intlLocale(locale as Locale), { dateStyle: "long", timeStyle: "short" });
  return (
    <div className="max-w-3xl space-y-6">
      {placed && (
        <div role="status" className="rounded-lg border border-moss/40 bg-moss/5 p-4">
          <p className="font-serif text-2xl text-moss">{t("thanks")}</p>
          <p className="text-sm">{t("confirmation")}</p>
        </div>
      )}
      <h1 className="font-serif text-3xl">{t("detailTitle")}</h1>
      <p className="text-sm text-muted">
        {t("placedOn", { date: date.format(order.createdAt) })} · {t(`status.${order.status}`)} ·{" "}
        <span className="font-mono">{order.id.slice(0, 8)}</span>
      </p>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {order.lines.map((l, i) => (
          <li key={`${l.productId}-${i}`} className="flex flex-wrap items-center justify-between gap-4 p-4">
            <span>
              <Link href={productPath(l)} className="font-medium hover:text-accent">
                {l.title}
              </Link>
              <span className="block text-sm text-muted">
                {l.creatorName} · {l.quantity} × <Price amount={l.unitAmount} currency={l.currency} />
              </span>
              {l.kind === "course" && (
                <Link href={`/learn/${l.slug}`} className="mt-1 inline-block text-sm text-accent underline">
                  {t("startLearning")}
                </Link>
              )}
            </span>
            <Price amount={l.unitAmount * l.quantity} currency={l.currency} />
          </li>
        ))}
      </ul>
      <p className="text-right text-lg">
        {t("total")} <Price amount={order.totalAmount} currency={order.currency} className="font-serif text-2xl" />
      </p>
      {order.payment && (
        <p className="text-sm text-muted">
          {t("paidWith", { provider: order.payment.provider, reference: order.payment.reference })}
        </p>
      )}
      <Link href="/orders" className="text-sm text-accent underline">
        {t("allOrders")}
      </Link>
    </div>
  );
}

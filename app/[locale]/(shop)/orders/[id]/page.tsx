import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { OrderCharges, OrderShipping } from "@/components/commerce/order-shipping";
import { PaymentStatusRefresh } from "@/components/commerce/payment-status-refresh";
import { Price } from "@/components/ui/price";
import { productPath } from "@/lib/catalog/types";
import { listFulfilmentsForOrder } from "@/lib/commerce/fulfilments";
import { certificatePath } from "@/lib/commerce/order-documents";
import { getOrderForBuyer } from "@/lib/commerce/orders";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("order", { index: false });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Order detail, and the page the payment provider sends the buyer back to (?placed=1). It only reads:
 * the order moves when the provider's webhook lands, so while the payment is pending the page says so
 * and refreshes itself, whichever of the two arrives first.
 */
export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(id)}`);
  const order = await getOrderForBuyer({ orderId: id, userId: user.id });
  if (!order) notFound();
  const placed = (await searchParams).placed === "1";
  const [t, format, fulfilments] = await Promise.all([
    getTranslations("orders"),
    getFormatter(),
    // Read only after the ownership check above: the order is this buyer's.
    order.address ? listFulfilmentsForOrder({ orderId: order.id }) : [],
  ]);
  const paid = order.status === "paid" || order.status === "fulfilled";
  const payUrl =
    order.status === "pending_payment" && order.payment?.status === "pending" ? order.payment.confirmUrl : null;
  return (
    <div className="max-w-3xl space-y-6">
      {placed && paid && (
        <div role="status" className="rounded-lg border border-moss/40 bg-moss/5 p-4">
          <p className="font-serif text-2xl text-moss">{t("thanks")}</p>
          <p className="text-sm">{t("confirmation")}</p>
        </div>
      )}
      {order.status === "pending_payment" && (
        <div
          role="status"
          className="space-y-2 rounded-lg border border-line bg-white p-4"
          data-testid="payment-pending"
        >
          <PaymentStatusRefresh />
          <p className="font-serif text-2xl">{placed ? t("processingTitle") : t("awaitingTitle")}</p>
          <p className="text-sm">
            {placed
              ? t("processing")
              : t("awaiting", { time: order.expiresAt ? format.dateTime(order.expiresAt, "dateTimeLong") : "" })}
          </p>
          {payUrl && (
            <a href={payUrl} className="inline-block text-sm text-accent underline">
              {t("continuePayment")}
            </a>
          )}
        </div>
      )}
      {(order.status === "payment_failed" || order.status === "expired") && (
        <div role="alert" className="space-y-2 rounded-lg border border-accent/40 bg-accent/5 p-4">
          <p className="font-serif text-2xl text-accent-dark">
            {order.status === "expired" ? t("expiredTitle") : t("failedTitle")}
          </p>
          <p className="text-sm">{order.status === "expired" ? t("expired") : t("failed")}</p>
          <Link href="/cart" className="inline-block text-sm text-accent underline">
            {t("backToCart")}
          </Link>
        </div>
      )}
      <h1 className="font-serif text-3xl">{t("detailTitle")}</h1>
      <p className="text-sm text-muted">
        {t("placedOn", { date: format.dateTime(order.createdAt, "dateTimeLong") })} · {t(`status.${order.status}`)} ·{" "}
        <span className="font-mono">{order.id.slice(0, 8)}</span>
      </p>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {order.lines.map((l) => (
          <li key={l.lineId} className="flex flex-wrap items-center justify-between gap-4 p-4">
            <span>
              <Link href={productPath(l)} className="font-medium hover:text-accent">
                {l.title}
              </Link>
              <span className="block text-sm text-muted">
                {l.creatorName} · {l.quantity} × <Price amount={l.unitAmount} currency={l.currency} />
              </span>
              {l.edition && (
                <span className="block text-sm" data-testid="edition-number">
                  {t("edition", { edition: l.edition })}
                </span>
              )}
              {l.kind === "bundle" &&
                l.pieces.map(
                  (p) =>
                    p.edition && (
                      <span key={p.productId} className="block text-sm" data-testid="edition-number">
                        {t("bundlePiece", { title: p.title, edition: p.edition })}
                      </span>
                    ),
                )}
              {paid &&
                l.pieces
                  .filter((p) => p.certificate)
                  .map((p) => (
                    <Link
                      key={p.productId}
                      href={certificatePath(
                        order.id,
                        { lineId: l.lineId, productId: p.productId },
                        l.kind === "bundle",
                      )}
                      className="mt-1 block text-sm text-accent underline"
                    >
                      {l.kind === "bundle" ? t("certificateFor", { title: p.title }) : t("certificateLink")}
                    </Link>
                  ))}
              {l.kind === "course" && paid && (
                <Link href={`/learn/${l.slug}`} className="mt-1 inline-block text-sm text-accent underline">
                  {t("startLearning")}
                </Link>
              )}
            </span>
            <Price amount={l.unitAmount * l.quantity} currency={l.currency} />
          </li>
        ))}
      </ul>
      <OrderCharges charges={order.charges} />
      <p className="text-right text-lg">
        {t("total")} <Price amount={order.totalAmount} currency={order.currency} className="font-serif text-2xl" />
      </p>
      {order.payment?.status === "succeeded" && order.payment.reference && (
        <p className="text-sm text-muted">
          {t("paidWith", { provider: order.payment.provider, reference: order.payment.reference })}
        </p>
      )}
      {paid && (
        <p>
          <Link href={`/orders/${order.id}/invoice`} className="text-sm text-accent underline">
            {t("invoiceLink")}
          </Link>
        </p>
      )}
      {order.address && <OrderShipping address={order.address} fulfilments={fulfilments} />}
      <Link href="/orders" className="text-sm text-accent underline">
        {t("allOrders")}
      </Link>
    </div>
  );
}

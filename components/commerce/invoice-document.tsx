import { getFormatter, getTranslations } from "next-intl/server";
import { AddressLines } from "@/components/checkout/shipping-section";
import { Price } from "@/components/ui/price";
import type { Invoice } from "@/lib/commerce/order-documents";

/**
 * An order's invoice as it prints: who sold each line, the edition numbers, shipping per creator, the
 * tax (said to be included where the prices hold it) and the total, which is the sum of the lines.
 */
export async function InvoiceDocument({ invoice }: { invoice: Invoice }) {
  const [t, format] = await Promise.all([getTranslations("invoice"), getFormatter()]);
  const date = { format: (d: Date) => format.dateTime(d, "dateLong") };
  const facts: { label: string; value: string; code?: boolean; testId?: string }[] = [
    { label: t("number"), value: invoice.number, code: true, testId: "invoice-number" },
    { label: t("order"), value: invoice.orderId.slice(0, 8).toUpperCase(), code: true },
    { label: t("placed"), value: date.format(invoice.placedAt) },
    { label: t("paid"), value: date.format(invoice.paidAt) },
    ...(invoice.fulfilledAt ? [{ label: t("fulfilled"), value: date.format(invoice.fulfilledAt) }] : []),
  ];
  return (
    <article
      className="space-y-6 rounded-lg border border-line bg-white p-6 print:border-0 print:p-0"
      aria-labelledby="invoice-title"
      data-testid="invoice"
    >
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="font-serif text-2xl">{t("shop")}</p>
          <p className="text-sm text-muted">{t("shopLine")}</p>
        </div>
        <div className="text-right">
          <h1 id="invoice-title" className="font-serif text-3xl">
            {t("title")}
          </h1>
          <dl className="mt-2 grid grid-cols-[auto_auto] gap-x-3 text-sm">
            {facts.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-muted">{f.label}</dt>
                <dd className={f.code ? "font-mono" : undefined} data-testid={f.testId}>
                  {f.value}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </header>
      <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
        <section aria-labelledby="billed-to">
          <h2 id="billed-to" className="mb-1 text-sm tracking-wide text-muted uppercase">
            {t("billedTo")}
          </h2>
          <p className="text-sm">{invoice.buyer.name ?? invoice.address?.name}</p>
          {invoice.buyer.email && <p className="text-sm">{invoice.buyer.email}</p>}
        </section>
        <section aria-labelledby="ship-to">
          <h2 id="ship-to" className="mb-1 text-sm tracking-wide text-muted uppercase">
            {t("shipTo")}
          </h2>
          {invoice.address ? <AddressLines address={invoice.address} /> : <p className="text-sm">{t("digitalOnly")}</p>}
        </section>
      </div>
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-line text-left text-muted">
            <th scope="col" className="py-2 font-normal">
              {t("item")}
            </th>
            <th scope="col" className="py-2 font-normal">
              {t("seller")}
            </th>
            <th scope="col" className="py-2 text-right font-normal">
              {t("quantity")}
            </th>
            <th scope="col" className="py-2 text-right font-normal">
              {t("unitPrice")}
            </th>
            <th scope="col" className="py-2 text-right font-normal">
              {t("amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((l) => (
            <tr key={l.lineId} className="border-b border-line align-top" data-testid="invoice-line">
              <td className="py-2">
                {l.title}
                {l.edition && <span className="block text-muted">{t("edition", { edition: l.edition })}</span>}
                {l.pieces.map((p) => (
                  <span key={p.title} className="block text-muted">
                    {t("bundlePiece", { title: p.title, edition: p.edition })}
                  </span>
                ))}
              </td>
              <td className="py-2">{l.seller}</td>
              <td className="py-2 text-right">{l.quantity}</td>
              <td className="py-2 text-right">
                <Price amount={l.unitAmount} currency={l.currency} />
              </td>
              <td className="py-2 text-right">
                <Price amount={l.amount} currency={l.currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4} className="pt-3 text-right font-normal">
              {t("subtotal")}
            </th>
            <td className="pt-3 text-right">
              <Price amount={invoice.subtotals.item} currency={invoice.total.currency} />
            </td>
          </tr>
          {invoice.charges.map((c, i) => (
            <tr key={i} className={c.included ? "text-muted" : undefined} data-testid="invoice-charge">
              <th scope="row" colSpan={4} className="text-right font-normal">
                {c.kind === "shipping"
                  ? t("shippingFrom", { creator: c.title })
                  : t(c.included ? "taxIncluded" : "tax", { label: c.title })}
              </th>
              <td className="text-right">
                <Price amount={c.amount} currency={c.currency} />
              </td>
            </tr>
          ))}
          <tr className="text-lg">
            <th scope="row" colSpan={4} className="pt-3 text-right font-normal">
              {t("total")}
            </th>
            <td className="pt-3 text-right" data-testid="invoice-total">
              <Price amount={invoice.total.amount} currency={invoice.total.currency} className="font-serif" />
            </td>
          </tr>
        </tfoot>
      </table>
      {invoice.payment?.reference && (
        <p className="text-sm text-muted">
          {t("paidWith", { provider: invoice.payment.provider, reference: invoice.payment.reference })}
        </p>
      )}
    </article>
  );
}

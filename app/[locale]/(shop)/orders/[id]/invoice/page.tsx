import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InvoiceDocument } from "@/components/commerce/invoice-document";
import { PrintButton } from "@/components/commerce/print-button";
import { getInvoiceForBuyer } from "@/lib/commerce/order-documents";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("invoice", { index: false });

type Props = { params: Promise<{ id: string }> };

/**
 * The printable invoice of a paid order, for its buyer only: anyone else's order, and an order not paid
 * (nothing was sold yet), is not found.
 */
export default async function InvoicePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(id)}/invoice`);
  const invoice = await getInvoiceForBuyer({ orderId: id, userId: user.id });
  if (!invoice) notFound();
  const t = await getTranslations("invoice");
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex items-center justify-between gap-4 print:hidden">
        <Link href={`/orders/${invoice.orderId}`} className="text-sm text-accent underline">
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <InvoiceDocument invoice={invoice} />
    </div>
  );
}

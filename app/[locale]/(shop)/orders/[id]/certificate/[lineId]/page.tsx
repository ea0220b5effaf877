import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CertificateDocument } from "@/components/commerce/certificate-document";
import { PrintButton } from "@/components/commerce/print-button";
import { getCertificateForBuyer } from "@/lib/commerce/order-documents";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("certificate", { index: false });

type Props = {
  params: Promise<{ id: string; lineId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The printable certificate of authenticity of one artwork piece of a paid order, for its buyer only.
 * `?artwork=` names the piece when the line is a bundle; a piece without a certificate, anyone else's
 * order and an unpaid one are not found.
 */
export default async function CertificatePage({ params, searchParams }: Props) {
  const { id, lineId } = await params;
  const artwork = (await searchParams).artwork;
  const user = await requireUser(`/orders/${encodeURIComponent(id)}/certificate/${encodeURIComponent(lineId)}`);
  const certificate = await getCertificateForBuyer({
    orderId: id,
    userId: user.id,
    lineId,
    artworkId: typeof artwork === "string" ? artwork : undefined,
  });
  if (!certificate) notFound();
  const t = await getTranslations("certificate");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex items-center justify-between gap-4 print:hidden">
        <Link href={`/orders/${certificate.orderId}`} className="text-sm text-accent underline">
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <CertificateDocument certificate={certificate} />
    </div>
  );
}

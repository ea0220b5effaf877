import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { editionLabel } from "@/lib/commerce/editions";
import type { Certificate } from "@/lib/commerce/order-documents";
import { localized } from "@/lib/i18n/localized";

/**
 * A certificate of authenticity as it prints: the piece (title, artist, year, medium, dimensions, its
 * edition number or "unique original"), who collected it and when, and the certificate's number.
 */
export async function CertificateDocument({ certificate: c }: { certificate: Certificate }) {
  const [t, locale, format] = await Promise.all([getTranslations("certificate"), getLocale(), getFormatter()]);
  // Millimetres as centimetres, to the millimetre: 305 → "30.5".
  const cm = (mm: number) => format.number(mm / 10, "short");
  const artist = localized(locale as Locale, c.artist, c.artistZh);
  const medium = localized(locale as Locale, c.medium, c.mediumZh);
  const size = { width: cm(c.widthMm), height: cm(c.heightMm) };
  const edition =
    c.edition.size === 1
      ? t("unique")
      : c.edition.number
        ? editionLabel(c.edition.number, c.edition.size)
        : t("editionOf", { size: c.edition.size });
  const facts: { label: string; value: string; lang?: string; testId?: string }[] = [
    { label: t("artwork"), value: c.title },
    { label: t("artist"), value: artist.text, lang: artist.lang },
    { label: t("year"), value: String(c.year) },
    { label: t("medium"), value: medium.text, lang: medium.lang },
    {
      label: t("dimensions"),
      value: c.depthMm ? t("sizeDepth", { ...size, depth: cm(c.depthMm) }) : t("size", size),
    },
    { label: t("edition"), value: edition, testId: "certificate-edition" },
    { label: t("owner"), value: c.buyerName },
    { label: t("soldOn"), value: format.dateTime(c.soldAt, "dateLong") },
  ];
  return (
    <article
      aria-labelledby="certificate-title"
      className="space-y-6 border-4 border-double border-ink bg-white p-8 text-center print:p-10"
      data-testid="certificate"
    >
      <p className="text-sm tracking-widest text-muted uppercase">{t("shop")}</p>
      <h1 id="certificate-title" className="font-serif text-4xl">
        {t("title")}
      </h1>
      <p className="mx-auto max-w-xl">{t("statement", { artist: artist.text })}</p>
      <dl className="mx-auto grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-left">
        {facts.map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-muted">{f.label}</dt>
            <dd lang={f.lang} data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted">
        {t("id")}:{" "}
        <span className="font-mono" data-testid="certificate-id">
          {c.id}
        </span>{" "}
        · {t("order", { ref: c.orderId.slice(0, 8).toUpperCase() })}
      </p>
    </article>
  );
}

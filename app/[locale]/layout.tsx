import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { ConsentBanner } from "@/components/privacy/consent-banner";
import { intlLocale } from "@/i18n/locales";
import { routing } from "@/i18n/routing";
import { env } from "@/lib/env";
import "../globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: t("title"), template: `%s · Atelier` },
    description: t("description"),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("footer");
  return (
    <html lang={intlLocale(locale)}>
      <body className="min-h-screen font-sans antialiased">
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
            {t("skip")}
          </a>
          <ConsentBanner />
          <SiteHeader />
          <main id="main" className="mx-auto max-w-7xl px-4 py-8">
            {children}
          </main>
          <footer className="mt-16 border-t border-line py-8 text-center text-sm text-muted">{t("tagline")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

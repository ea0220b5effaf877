import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { ConsentBanner } from "@/components/privacy/consent-banner";
import { intlLocale, type Locale } from "@/i18n/locales";
import { env } from "@/lib/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: t("title"), template: `%s · Atelier` },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
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

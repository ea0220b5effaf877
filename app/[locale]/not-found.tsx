import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";

/** The tab says what happened too, in the visitor's language (Next adds `noindex` to a 404 by itself). */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="font-serif text-6xl text-accent">404</p>
      <h1 className="mt-4 font-serif text-3xl">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("text")}</p>
      <div className="mt-6 flex justify-center gap-4">
        <Link href="/courses" className="underline">
          {t("courses")}
        </Link>
        <Link href="/artworks" className="underline">
          {t("artworks")}
        </Link>
      </div>
    </div>
  );
}

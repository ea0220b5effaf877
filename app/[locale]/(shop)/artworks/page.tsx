import { getTranslations } from "next-intl/server";
import { CatalogueView } from "@/components/catalog/catalogue-view";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata() {
  const t = await getTranslations("catalogue");
  return { title: t("artworksTitle"), alternates: alternatesFor("/artworks", await pageLocale()) };
}

export default async function ArtworksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CatalogueView kind="artwork" searchParams={await searchParams} />;
}

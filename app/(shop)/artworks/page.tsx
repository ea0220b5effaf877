import { getTranslations } from "next-intl/server";
import { CatalogueView } from "@/components/catalog/catalogue-view";

export async function generateMetadata() {
  const t = await getTranslations("catalogue");
  return { title: t("artworksTitle"), alternates: { canonical: "/artworks" } };
}

export default async function ArtworksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CatalogueView kind="artwork" searchParams={await searchParams} />;
}

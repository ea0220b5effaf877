import { getTranslations } from "next-intl/server";
import { CatalogueView } from "@/components/catalog/catalogue-view";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata() {
  const t = await getTranslations("catalogue");
  return { title: t("coursesTitle"), alternates: alternatesFor("/courses", await pageLocale()) };
}

export default async function CoursesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CatalogueView kind="course" searchParams={await searchParams} />;
}

import { getTranslations } from "next-intl/server";
import { CatalogueView } from "@/components/catalog/catalogue-view";

export async function generateMetadata() {
  const t = await getTranslations("catalogue");
  return { title: t("coursesTitle"), alternates: { canonical: "/courses" } };
}

export default async function CoursesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CatalogueView kind="course" searchParams={await searchParams} />;
}

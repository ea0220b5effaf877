import { getTranslations } from "next-intl/server";
import { WorksGallery } from "@/components/community/works-gallery";
import { getDb } from "@/db/client";
import { listRecentWorks } from "@/lib/community/works";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata() {
  const t = await getTranslations("works");
  return { title: t("communityTitle"), alternates: alternatesFor("/community", await pageLocale()) };
}

/** The newest works shared by the community, each with the course or artwork that inspired it. */
export default async function CommunityPage() {
  const [t, works] = await Promise.all([getTranslations("works"), getDb().then((db) => listRecentWorks(db))]);
  return (
    <div>
      <h1 className="font-serif text-4xl">{t("communityTitle")}</h1>
      <p className="mt-2 max-w-2xl text-muted">{t("communityIntro")}</p>
      {works.length === 0 ? (
        <p className="mt-8 text-muted">{t("communityNone")}</p>
      ) : (
        <WorksGallery works={works} returnTo="/community" heading={t("latest")} />
      )}
    </div>
  );
}

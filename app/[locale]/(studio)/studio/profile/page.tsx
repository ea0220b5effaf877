import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { updateProfileAction } from "@/app/_actions/studio-profile";
import { Bilingual, BilingualHeadings } from "@/components/studio/bilingual";
import { Field, TextArea } from "@/components/studio/field";
import { StudioForm } from "@/components/studio/studio-form";
import { getStudioProfile } from "@/lib/commerce/studio-profile";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("studioProfile", { index: false });

/** The creator's public profile in English and Chinese, side by side. */
export default async function StudioProfilePage() {
  const user = await requireRole(["creator"], "/studio/profile");
  const [t, profile] = await Promise.all([getTranslations("studioProfile"), getStudioProfile(user)]);
  if (!profile) return <p className="text-muted">{t("noCreatorProfile")}</p>;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <p className="text-muted">
        {t("intro")}{" "}
        <Link href={`/creators/${profile.slug}`} className="text-accent underline">
          {t("view")}
        </Link>
      </p>
      <StudioForm action={updateProfileAction} submitLabel={t("save")}>
        <BilingualHeadings />
        <Bilingual
          en={
            <>
              <Field name="name" label={t("fields.name")} defaultValue={profile.name} required />
              <Field name="location" label={t("fields.location")} defaultValue={profile.location} />
              <TextArea name="bio" label={t("fields.bio")} defaultValue={profile.bio} rows={6} />
            </>
          }
          zh={
            <>
              <Field name="nameZh" label={t("fields.nameZh")} defaultValue={profile.nameZh} lang="zh" />
              <Field name="locationZh" label={t("fields.locationZh")} defaultValue={profile.locationZh} lang="zh" />
              <TextArea name="bioZh" label={t("fields.bioZh")} defaultValue={profile.bioZh} rows={6} lang="zh" />
            </>
          }
        />
        <p className="text-xs text-muted">{t("zhHint")}</p>
      </StudioForm>
    </div>
  );
}

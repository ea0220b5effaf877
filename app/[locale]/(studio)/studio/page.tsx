import { getTranslations } from "next-intl/server";
import { STUDIO_ROLES } from "@/lib/auth/roles";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("studio");

export default async function StudioPage() {
  // Layouts do not re-run on every navigation, so the page checks too.
  const user = await requireRole(STUDIO_ROLES, "/studio");
  const t = await getTranslations("studio");
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("welcome", { name: user.name ?? user.email })}</p>
    </div>
  );
}

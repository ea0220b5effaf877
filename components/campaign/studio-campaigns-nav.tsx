import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/server/session";

/** The studio's campaign link, for marketers and admins (the only roles that may change campaigns). */
export async function StudioCampaignsNav() {
  const [t, user] = await Promise.all([getTranslations("campaigns"), getCurrentUser()]);
  if (!hasRole(user, ["marketer", "admin"])) return null;
  return (
    <nav aria-label={t("navLabel")} className="mb-6 flex flex-wrap gap-4 border-b border-line pb-3 text-sm">
      <Link href="/studio/campaigns" className="hover:text-accent">
        {t("nav")}
      </Link>
    </nav>
  );
}

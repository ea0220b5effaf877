import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/server/session";

/** The studio link to /studio/clusters, for the roles that may see it (marketers and admins). */
export async function StudioClustersLink() {
  const [t, user] = await Promise.all([getTranslations("clusters"), getCurrentUser()]);
  if (!hasRole(user, ["marketer", "admin"])) return null;
  return (
    <nav aria-label={t("navLabel")} className="mb-6 text-sm">
      <Link href="/studio/clusters" className="hover:text-accent">
        {t("nav")}
      </Link>
    </nav>
  );
}

import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/server/session";

/** The studio link to the moderation queue, for admins only. */
export async function StudioModerationLink() {
  const [t, user] = await Promise.all([getTranslations("moderation"), getCurrentUser()]);
  if (!hasRole(user, ["admin"])) return null;
  return (
    <nav aria-label={t("title")} className="mb-6 text-sm">
      <Link href="/studio/moderation" className="hover:text-accent">
        {t("title")}
      </Link>
    </nav>
  );
}

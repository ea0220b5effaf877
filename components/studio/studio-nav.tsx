import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/server/session";

/** The studio's commerce links for creators and admins (marketers do not sell). */
export async function StudioCommerceNav() {
  const [t, user] = await Promise.all([getTranslations("studioProducts"), getCurrentUser()]);
  if (!hasRole(user, ["creator", "admin"])) return null;
  const links = [
    { href: "/studio/products", label: t("nav.products") },
    { href: "/studio/sales", label: t("nav.sales") },
    { href: "/studio/offers", label: t("nav.offers") },
    // Parcels and rates belong to a creator profile: admins see sales, creators ship.
    ...(hasRole(user, ["creator"])
      ? [
          { href: "/studio/shipments", label: t("nav.shipments") },
          { href: "/studio/shipping", label: t("nav.shipping") },
          { href: "/studio/profile", label: t("nav.profile") },
        ]
      : []),
  ];
  return (
    <nav aria-label={t("nav.label")} className="mb-6 flex flex-wrap gap-4 border-b border-line pb-3 text-sm">
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="hover:text-accent">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}

"use client";

import { Link } from "@/i18n/navigation";
import { usePathname } from "@/i18n/navigation";
import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/account", key: "navOverview" },
  { href: "/orders", key: "navOrders" },
  { href: "/account/addresses", key: "navAddresses" },
  { href: "/account/settings", key: "navSettings" },
  { href: "/account/privacy", key: "navPrivacy" },
] as const;

/**
 * The account's sections, above each account page. A client leaf only to mark the current section
 * (aria-current) from the path; it wraps on a phone rather than scrolling sideways.
 */
export function AccountNav() {
  const t = useTranslations("account");
  const path = usePathname();
  const current = (href: string) => (href === "/account" ? path === href : path.startsWith(href));
  return (
    <nav aria-label={t("nav")} className="mx-auto mb-6 max-w-2xl">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 border-b border-line pb-2 text-sm">
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current(l.href) ? "page" : undefined}
              className="text-muted hover:text-accent aria-[current=page]:font-medium aria-[current=page]:text-ink"
            >
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

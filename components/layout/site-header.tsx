import { Link } from "@/i18n/navigation";
import { localizedPath } from "@/i18n/paths";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/_actions/auth";
import { hasRole, STUDIO_ROLES } from "@/lib/auth/roles";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getCurrentUser } from "@/lib/server/session";
import { VerifyBanner } from "@/components/account/verify-banner";
import { CartLink } from "@/components/cart/cart-link";
import { buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const [t, locale, user] = await Promise.all([getTranslations("nav"), pageLocale(), getCurrentUser()]);
  return (
    <header className="border-b border-line bg-paper/95">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-serif text-2xl tracking-tight">
          Atelier
        </Link>
        <nav aria-label={t("main")} className="flex gap-4 text-sm">
          <Link href="/courses" className="hover:text-accent">
            {t("courses")}
          </Link>
          <Link href="/artworks" className="hover:text-accent">
            {t("artworks")}
          </Link>
          {hasRole(user, STUDIO_ROLES) && (
            <Link href="/studio" className="hover:text-accent">
              {t("studio")}
            </Link>
          )}
        </nav>
        {/* Below the sm breakpoint the search box takes a row of its own under the links, so neither is squeezed. */}
        <form
          action={localizedPath("/search", locale)}
          role="search"
          className="order-last flex w-full sm:order-none sm:ml-auto sm:w-auto"
        >
          <label htmlFor="site-search" className="sr-only">
            {t("search")}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder={t("searchPlaceholder")}
            className="w-full rounded-full border border-line bg-white px-4 py-1.5 text-sm sm:w-64"
          />
        </form>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <CartLink />
          {user ? (
            <>
              <Link href="/feed" className="hover:text-accent">
                {t("feed")}
              </Link>
              {/* The person's own name, so a name change shows at once; the accessible name says where it leads. */}
              <Link
                href="/account"
                aria-label={user.name ? t("accountOf", { name: user.name }) : undefined}
                className="max-w-48 truncate hover:text-accent"
              >
                {user.name || t("account")}
              </Link>
              <form action={signOutAction}>
                <SubmitButton variant="nav">{t("signOut")}</SubmitButton>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className="hover:text-accent">
                {t("signIn")}
              </Link>
              <Link href="/sign-up" className={buttonClass({ size: "sm" })}>
                {t("signUp")}
              </Link>
            </>
          )}
          <Suspense>
            <LocaleSwitcher current={locale} label={t("language")} />
          </Suspense>
        </div>
      </div>
      {/* Unverified accounts can browse and buy; the banner offers the verification link again. */}
      {user && !user.emailVerified && <VerifyBanner email={user.email} />}
    </header>
  );
}

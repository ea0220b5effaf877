import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { ContinueLearning } from "@/components/learn/continue-learning";
import { hasRole, STUDIO_ROLES } from "@/lib/auth/roles";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("account");

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/account");
  const params = await searchParams;
  const denied = params.denied === "1";
  const [t, tOrders] = await Promise.all([getTranslations("account"), getTranslations("orders")]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      {params.verified === "1" && (
        <p role="status" className="rounded border border-moss/40 bg-moss/5 px-3 py-2 text-sm text-moss">
          {t("verified")}
        </p>
      )}
      {denied && (
        <p role="alert" className="rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent-dark">
          {t("denied")}
        </p>
      )}
      <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-line bg-white p-5 text-sm">
        <dt className="text-muted">{t("name")}</dt>
        <dd>{user.name}</dd>
        <dt className="text-muted">{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt className="text-muted">{t("role")}</dt>
        <dd data-testid="account-role">{t(`roles.${user.role}`)}</dd>
      </dl>
      {hasRole(user, STUDIO_ROLES) && (
        <Link href="/studio" className={buttonClass()}>
          {t("openStudio")}
        </Link>
      )}
      <ContinueLearning userId={user.id} />
      <Link href="/orders" className="block text-sm text-accent underline">
        {tOrders("title")}
      </Link>
      <Link href="/account/addresses" className="block text-sm text-accent underline">
        {t("addressesLink")}
      </Link>
      <Link href="/account/settings" className="block text-sm text-accent underline">
        {t("settingsLink")}
      </Link>
      <Link href="/account/privacy" className="block text-sm text-accent underline">
        {t("privacyLink")}
      </Link>
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmailForm } from "@/components/account/email-form";
import { NameForm } from "@/components/account/name-form";
import { PasswordForm } from "@/components/account/password-form";
import { SessionsForm } from "@/components/account/sessions-form";
import { requireUser } from "@/lib/auth/session";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("settings", { index: false });

type Props = { searchParams: Promise<{ saved?: string | string[] }> };

export default async function AccountSettingsPage({ searchParams }: Props) {
  const user = await requireUser("/account/settings");
  // Set by the actions that change the session key, which reload this page (app/_actions/account.ts).
  const { saved } = await searchParams;
  const [t, tAuth] = await Promise.all([getTranslations("settings"), getTranslations("auth")]);
  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <div className="space-y-2">
        <Link href="/account" className="text-sm text-accent underline">
          {t("back")}
        </Link>
        <h1 className="font-serif text-3xl">{t("title")}</h1>
      </div>
      <section aria-labelledby="settings-name-title" className="space-y-3 rounded-lg border border-line bg-white p-5">
        <h2 id="settings-name-title" className="font-serif text-2xl">
          {t("nameTitle")}
        </h2>
        <p className="text-sm text-muted">{t("nameText")}</p>
        <NameForm current={user.name ?? ""} labelledBy="settings-name-title" />
      </section>
      <section aria-labelledby="settings-password-title" className="space-y-3 rounded-lg border border-line bg-white p-5">
        <h2 id="settings-password-title" className="font-serif text-2xl">
          {t("passwordTitle")}
        </h2>
        <PasswordForm labelledBy="settings-password-title" rule={tAuth("passwordRule")} saved={saved === "password"} />
      </section>
      <section aria-labelledby="settings-email-title" className="space-y-3 rounded-lg border border-line bg-white p-5">
        <h2 id="settings-email-title" className="font-serif text-2xl">
          {t("emailTitle")}
        </h2>
        <p className="text-sm text-muted">{t("emailText", { email: user.email })}</p>
        <EmailForm current={user.email} labelledBy="settings-email-title" />
      </section>
      <section aria-labelledby="settings-sessions-title" className="space-y-3 rounded-lg border border-line bg-white p-5">
        <h2 id="settings-sessions-title" className="font-serif text-2xl">
          {t("sessionsTitle")}
        </h2>
        <p className="text-sm text-muted">{t("sessionsText")}</p>
        <SessionsForm labelledBy="settings-sessions-title" saved={saved === "sessions"} />
      </section>
    </div>
  );
}

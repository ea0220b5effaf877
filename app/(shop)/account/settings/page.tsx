import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountSection } from "@/components/account/account-section";
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
      <AccountSection id="settings-name-title" title={t("nameTitle")} text={t("nameText")}>
        <NameForm current={user.name ?? ""} labelledBy="settings-name-title" />
      </AccountSection>
      <AccountSection id="settings-password-title" title={t("passwordTitle")}>
        <PasswordForm labelledBy="settings-password-title" rule={tAuth("passwordRule")} saved={saved === "password"} />
      </AccountSection>
      <AccountSection id="settings-email-title" title={t("emailTitle")} text={t("emailText", { email: user.email })}>
        <EmailForm current={user.email} labelledBy="settings-email-title" />
      </AccountSection>
      <AccountSection id="settings-sessions-title" title={t("sessionsTitle")} text={t("sessionsText")}>
        <SessionsForm labelledBy="settings-sessions-title" saved={saved === "sessions"} />
      </AccountSection>
    </div>
  );
}

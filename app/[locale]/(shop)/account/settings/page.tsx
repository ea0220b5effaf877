import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { AccountSection } from "@/components/account/account-section";
import { EmailForm } from "@/components/account/email-form";
import { NameForm } from "@/components/account/name-form";
import { PasswordForm } from "@/components/account/password-form";
import { DeviceList } from "@/components/account/device-list";
import { SessionsForm } from "@/components/account/sessions-form";
import { getDb } from "@/db/client";
import { listSessions } from "@/lib/auth/sessions";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("settings", { index: false });

type Props = { searchParams: Promise<{ saved?: string | string[] }> };

export default async function AccountSettingsPage({ searchParams }: Props) {
  const user = await requireUser("/account/settings");
  // ?saved=email: set by the email-change confirmation link (app/_actions/auth.ts), which lands here.
  const { saved } = await searchParams;
  const devices = await listSessions(await getDb(), user.id, user.sessionId);
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
        <PasswordForm labelledBy="settings-password-title" rule={tAuth("passwordRule")} />
      </AccountSection>
      <AccountSection id="settings-email-title" title={t("emailTitle")} text={t("emailText", { email: user.email })}>
        <EmailForm current={user.email} labelledBy="settings-email-title" confirmed={saved === "email"} />
      </AccountSection>
      <AccountSection id="settings-sessions-title" title={t("sessionsTitle")} text={t("sessionsText")}>
        <DeviceList sessions={devices} />
        <SessionsForm labelledBy="settings-sessions-title" />
      </AccountSection>
    </div>
  );
}

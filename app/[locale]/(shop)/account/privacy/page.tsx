import { getTranslations } from "next-intl/server";
import { AccountSection } from "@/components/account/account-section";
import { buttonClass } from "@/components/ui/button";
import { AccountConsentForm } from "@/components/privacy/account-consent-form";
import { AccountDeleteForm } from "@/components/privacy/account-delete-form";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requestConsent } from "@/lib/server/consent";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("privacy", { index: false });

export default async function PrivacyPage() {
  const user = await requireUser("/account/privacy");
  const [t, consent] = await Promise.all([getTranslations("privacy"), requestConsent()]);
  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <AccountSection id="privacy-analytics" title={t("analyticsTitle")} look="plain">
        <AccountConsentForm current={consent} />
      </AccountSection>
      <AccountSection id="privacy-export" title={t("exportTitle")} look="plain">
        <p className="text-sm">{t("exportText")}</p>
        <a href="/account/privacy/export" download className={buttonClass()}>
          {t("exportButton")}
        </a>
      </AccountSection>
      <AccountSection id="privacy-delete" title={t("deleteTitle")} look="danger">
        <p className="text-sm">{t("deleteText")}</p>
        <AccountDeleteForm email={user.email} />
      </AccountSection>
    </div>
  );
}

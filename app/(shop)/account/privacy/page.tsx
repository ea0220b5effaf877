import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AccountConsentForm } from "@/components/privacy/account-consent-form";
import { AccountDeleteForm } from "@/components/privacy/account-delete-form";
import { requireUser } from "@/lib/auth/session";
import { CONSENT_COOKIE, parseConsent } from "@/lib/visitor";
import { pageMetadata } from "@/lib/page-metadata";

export const generateMetadata = pageMetadata("privacy", { index: false });

export default async function PrivacyPage() {
  const user = await requireUser("/account/privacy");
  const [t, jar] = await Promise.all([getTranslations("privacy"), cookies()]);
  const consent = parseConsent(jar.get(CONSENT_COOKIE)?.value);
  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <section aria-labelledby="privacy-analytics" className="space-y-3">
        <h2 id="privacy-analytics" className="font-serif text-2xl">
          {t("analyticsTitle")}
        </h2>
        <AccountConsentForm current={consent} />
      </section>
      <section aria-labelledby="privacy-export" className="space-y-3">
        <h2 id="privacy-export" className="font-serif text-2xl">
          {t("exportTitle")}
        </h2>
        <p className="text-sm">{t("exportText")}</p>
        <a href="/account/privacy/export" download className="inline-block rounded-full bg-ink px-4 py-2 text-sm text-paper hover:bg-accent">
          {t("exportButton")}
        </a>
      </section>
      <section aria-labelledby="privacy-delete" className="space-y-3 rounded-lg border border-accent/40 bg-white p-5">
        <h2 id="privacy-delete" className="font-serif text-2xl">
          {t("deleteTitle")}
        </h2>
        <p className="text-sm">{t("deleteText")}</p>
        <AccountDeleteForm email={user.email} />
      </section>
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { setConsentAction } from "@/app/_actions/consent";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestConsent } from "@/lib/server/consent";

/**
 * Asks once for analytics consent (behaviour tracking for recommendations, experiment counting) and
 * stays until the visitor chooses. In the page flow at the top rather than floating over it, so it
 * never covers what the visitor (or a test) is trying to click. Plain forms: it works without JavaScript, and declining is exactly
 * as easy as accepting.
 */
export async function ConsentBanner() {
  const consent = await requestConsent();
  if (consent !== "unset") return null;
  const t = await getTranslations("consent");
  return (
    <section aria-labelledby="consent-title" className="border-b border-line bg-white px-4 py-4">
      <div className="mx-auto flex max-w-7xl flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="max-w-3xl text-sm">
          <h2 id="consent-title" className="font-medium">
            {t("title")}
          </h2>
          <p className="mt-1 text-muted">{t("text")}</p>
        </div>
        <form action={setConsentAction} className="flex shrink-0 gap-2">
          <SubmitButton name="choice" value="necessary" variant="subtle">
            {t("necessary")}
          </SubmitButton>
          <SubmitButton name="choice" value="analytics">
            {t("analytics")}
          </SubmitButton>
        </form>
      </div>
    </section>
  );
}

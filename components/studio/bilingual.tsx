import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/**
 * English | 中文, side by side: the studio's content fields in two columns (stacked on phones), so a
 * creator writes both languages of a text together. Chinese stays optional; the shop falls back to
 * the English text, marked, where it is empty.
 */
export async function Bilingual({ en, zh }: { en: ReactNode; zh: ReactNode }) {
  const t = await getTranslations("studioProducts.languages");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div role="group" aria-label={t("en")} className="space-y-4">
        {en}
      </div>
      <div role="group" aria-label={t("zh")} lang="zh" className="space-y-4">
        {zh}
      </div>
    </div>
  );
}

/** The column headings above the first pair of a form. */
export async function BilingualHeadings() {
  const t = await getTranslations("studioProducts.languages");
  return (
    <div aria-hidden="true" className="hidden grid-cols-2 gap-4 text-xs tracking-wide text-muted uppercase sm:grid">
      <span>{t("en")}</span>
      <span>{t("zh")}</span>
    </div>
  );
}

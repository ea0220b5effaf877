import { useTranslations } from "next-intl";
import type { Locale } from "@/i18n/locales";

/**
 * A piece of catalogue content. When it fell back to the other language (`fallback` is the language it
 * is in), it carries that `lang` (screen readers and fonts switch) and a small badge says so, since a
 * Chinese page showing English text must not look like a translation bug. Otherwise it is the bare text.
 * Not async, so server and client components can both use it.
 */
export function LocalizedText({ text, fallback }: { text: string; fallback?: Locale | undefined }) {
  const t = useTranslations("content");
  if (!fallback || !text) return <>{text}</>;
  return (
    <span lang={fallback}>
      {text}{" "}
      <span
        lang={fallback === "en" ? "zh" : "en"}
        className="ml-1 inline-block rounded border border-line px-1 align-middle font-sans text-[0.65rem] font-normal tracking-wide text-muted uppercase"
      >
        {t(fallback === "en" ? "inEnglish" : "inChinese")}
      </span>
    </span>
  );
}

"use client";

import { useSearchParams } from "next/navigation";
import { usePathname } from "@/i18n/navigation";
import { setLocaleAction } from "@/app/_actions/locale";
import type { Locale } from "@/i18n/locales";

const LABELS: Record<Locale, string> = { en: "English", zh: "中文" };

/** Two submit buttons in a form: works before hydration and without JavaScript. */
export function LocaleSwitcher({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <form action={setLocaleAction} aria-label={label} className="flex items-center gap-1 text-sm">
      <input type="hidden" name="returnTo" value={search ? `${pathname}?${search}` : pathname} />
      {(Object.keys(LABELS) as Locale[]).map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded px-2 py-1 ${locale === current ? "bg-ink text-paper" : "text-muted hover:text-ink"}`}
        >
          {LABELS[locale]}
        </button>
      ))}
    </form>
  );
}

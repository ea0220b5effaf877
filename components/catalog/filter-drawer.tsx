"use client";

import { Link } from "@/i18n/navigation";
import { localizedPath } from "@/i18n/paths";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * The catalogue's filter form. On a wide screen it is the column beside the results, as it always was;
 * on a phone it waits behind a "Filters" button and opens as a full-screen dialog (the native <dialog>:
 * focus stays inside, Escape closes, focus returns to the button), so the first results come first.
 * While filters change, the number of matching products is fetched and shown on the apply button.
 * The fields are the server's; this only wraps them in the form and its buttons.
 */
export function FilterDrawer({
  kind,
  base,
  total,
  active,
  children,
}: {
  kind: "course" | "artwork";
  base: string;
  /** Products matching the filters the page was rendered with. */
  total: number;
  /** How many filters are set, for the button's label. */
  active: number;
  children: ReactNode;
}) {
  const t = useTranslations("catalogue");
  const locale = useLocale() === "zh" ? "zh" : "en";
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const [count, setCount] = useState(total);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const request = useRef<AbortController>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  /** Asks for the number of matches of the form as it stands, after a short pause in typing. */
  const recount = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!form.current) return;
      const params = new URLSearchParams();
      params.set("kind", kind);
      for (const [key, value] of new FormData(form.current)) if (typeof value === "string") params.append(key, value);
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      fetch(`/api/catalogue/count?${params}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ count: number }>) : null))
        .then((body) => {
          if (body && typeof body.count === "number") setCount(body.count);
        })
        // An aborted or failed count leaves the last one shown; applying the filters still works.
        .catch(() => undefined);
    }, 250);
  };

  return (
    <div>
      <Button
        type="button"
        variant="subtle"
        size="md"
        className="lg:hidden"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {active > 0 ? t("filtersActive", { count: active }) : t("filters")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-0 h-dvh max-h-none w-screen max-w-none bg-paper p-0 text-ink backdrop:bg-ink/40 lg:static lg:block lg:h-auto lg:w-auto lg:bg-transparent"
      >
        <div className="flex items-center justify-between border-b border-line px-4 py-3 lg:hidden">
          <h2 id={titleId} className="font-serif text-xl">
            {t("filters")}
          </h2>
          <Button type="button" variant="link" size="sm" onClick={() => dialog.current?.close()}>
            {t("closeFilters")}
          </Button>
        </div>
        <form
          ref={form}
          action={localizedPath(base, locale)}
          method="get"
          aria-label={t("filters")}
          onChange={recount}
          onInput={recount}
          className="space-y-5 px-4 py-4 pb-28 lg:p-0"
        >
          {children}
          {/* Live, but not a second "status" role: the page's own result count is the status. */}
          <p className="text-sm text-muted" aria-live="polite" data-testid="filter-count">
            {t("matching", { count })}
          </p>
          {/* On a phone the buttons stay at the bottom of the dialog, whatever was scrolled. */}
          <div className="fixed inset-x-0 bottom-0 flex items-center gap-3 border-t border-line bg-paper px-4 py-3 lg:static lg:border-0 lg:bg-transparent lg:p-0">
            {/* A GET form: the browser navigates, so there is no pending state to show. */}
            <Button type="submit" size="sm" className="max-lg:flex-1 max-lg:py-2.5">
              <span className="lg:hidden">{t("showResults", { count })}</span>
              <span className="hidden lg:inline">{t("apply")}</span>
            </Button>
            <Link href={base} className="py-1.5 text-sm text-muted underline">
              {t("reset")}
            </Link>
          </div>
        </form>
      </dialog>
    </div>
  );
}

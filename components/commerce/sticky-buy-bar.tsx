"use client";

import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * On a phone the product page's buy box can sit far below the fold (a course's curriculum comes first):
 * this bar keeps the title, the price and the buy button at the bottom of the screen while that box is
 * out of view, and steps aside when it scrolls in, so one button shows at a time. Wide screens keep the
 * box in its column and never show the bar.
 */
export function StickyBuyBar({
  watch,
  title,
  price,
  children,
}: {
  watch: string;
  title: string;
  price: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("product");
  // Shown until the observer says otherwise: the box starts below the fold on most phones.
  const [panelVisible, setPanelVisible] = useState(false);
  useEffect(() => {
    const panel = document.getElementById(watch);
    if (!panel) return;
    const observer = new IntersectionObserver(([entry]) => setPanelVisible(entry?.isIntersecting ?? false));
    observer.observe(panel);
    return () => observer.disconnect();
  }, [watch]);
  return (
    <>
      {/* Room under the page's last line, so the bar never covers it. */}
      <div aria-hidden="true" className="h-20 lg:hidden" />
      <section
        aria-label={t("buyBar")}
        data-testid="buy-bar"
        hidden={panelVisible}
        className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-paper/95 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur lg:hidden"
      >
        <div className="relative mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm">{title}</p>
            <p className="font-serif text-lg whitespace-nowrap">{price}</p>
          </div>
          {children}
        </div>
      </section>
    </>
  );
}

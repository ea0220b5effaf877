"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { intlLocale, type Locale } from "@/i18n/locales";
import { productImagePath, productPath } from "@/lib/catalog/types";
import { formatMoney } from "@/lib/money";
import type { RecoItem, RecoList } from "@/lib/reco/read";
import type { Slot } from "@/lib/reco/slots";
import { sendEvents } from "./beacon";
import { LocalizedText } from "@/components/ui/localized-text";
import { recoQueryKey } from "./query-client";
import { ReasonLine } from "./reason-line";

async function fetchList(slot: Slot, limit: number, locale: string): Promise<RecoList> {
  const res = await fetch(`/api/reco?slot=${slot}&limit=${limit}&locale=${locale}`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`reco: HTTP ${res.status}`);
  return (await res.json()) as RecoList;
}

/**
 * A personal recommendation strip (For you, or a cross-domain slot), fetched with react-query from
 * /api/reco (prefetched on the server). "Not interested" removes the item at once and refetches; a
 * click is reported and the list refetched when the visitor comes back. Impressions are reported once
 * per item when the strip is at least half visible.
 */
export function RecoStrip({
  slot,
  limit,
  onlyPersonal = false,
}: {
  slot: Slot;
  limit: number;
  onlyPersonal?: boolean;
}) {
  const t = useTranslations("reco");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const key = recoQueryKey(slot, limit, locale);
  const { data, isPending, isError } = useQuery({ queryKey: key, queryFn: () => fetchList(slot, limit, locale) });
  const dismiss = useMutation({
    mutationFn: async (productId: string) => {
      const res = await fetch("/api/reco/dismiss", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ productId }),
      });
      if (!res.ok) throw new Error(`reco: HTTP ${res.status}`);
    },
    onMutate: async (productId) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<RecoList>(key);
      if (previous)
        queryClient.setQueryData<RecoList>(key, {
          ...previous,
          items: previous.items.filter((i) => i.id !== productId),
        });
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["reco"] }),
  });

  const ref = useRef<HTMLElement>(null);
  const reported = useRef(new Set<string>());
  // Marks the strip interactive once hydrated (tests wait for it before clicking). A DOM attribute,
  // not state: nothing renders differently.
  useEffect(() => ref.current?.setAttribute("data-ready", "true"));
  useEffect(() => {
    const el = ref.current;
    if (!el || !data || data.items.length === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        const fresh = data.items.filter((i) => !reported.current.has(i.id));
        fresh.forEach((i) => reported.current.add(i.id));
        sendEvents(
          fresh.map((i) => ({ type: "reco_impression", productId: i.id, slot, source: i.source, rank: i.rank })),
        );
      },
      { threshold: 0.5 },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [data, slot]);

  if (isError || (data && (data.items.length === 0 || (onlyPersonal && data.basis !== "personal")))) return null;
  const headingId = `reco-${slot}`;
  return (
    <section ref={ref} aria-labelledby={headingId} aria-busy={isPending}>
      <div className="mb-4 flex items-baseline justify-between gap-4">
        <h2 id={headingId} className="font-serif text-2xl">
          {t(`titles.${slot}`)}
        </h2>
        {data && data.basis !== "personal" && <p className="text-sm text-muted">{t(`basis.${data.basis}`)}</p>}
      </div>
      {isPending ? (
        <p className="text-sm text-muted">{t("loading")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-6 md:grid-cols-4">
          {data.items.map((item) => (
            <li key={item.id}>
              <RecoCard
                item={item}
                onOpen={() => {
                  sendEvents([{ type: "reco_click", productId: item.id, slot, source: item.source, rank: item.rank }]);
                  void queryClient.invalidateQueries({ queryKey: ["reco"] });
                }}
                onDismiss={() => dismiss.mutate(item.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RecoCard({ item, onOpen, onDismiss }: { item: RecoItem; onOpen: () => void; onDismiss: () => void }) {
  const t = useTranslations("reco");
  const tp = useTranslations("product");
  const locale = useLocale() as Locale;
  const isCourse = item.kind === "course";
  return (
    <article className="flex h-full flex-col">
      <Link
        href={productPath(item)}
        onClick={onOpen}
        className="block overflow-hidden rounded-lg border border-line bg-white"
      >
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={productImagePath(item, item.locale)}
          alt={tp(isCourse ? "coverAlt" : "artworkAlt", { title: item.title })}
          width={isCourse ? 1200 : 800}
          height={isCourse ? 675 : 1000}
          loading="lazy"
          className={`w-full object-cover ${isCourse ? "aspect-video" : "aspect-[4/5]"}`}
        />
      </Link>
      <p className="mt-2 text-xs tracking-wide text-muted uppercase">{tp(`kind.${item.kind}`)}</p>
      <h3 className="font-serif text-lg leading-snug">
        <Link href={productPath(item)} onClick={onOpen} className="hover:text-accent">
          <LocalizedText text={item.title} fallback={item.fallback.title} />
        </Link>
      </h3>
      {/* Name and price on lines of their own: a long name may truncate, the price never. */}
      <p className="truncate text-sm text-muted">
        <LocalizedText text={item.creator.name} fallback={item.fallback.creatorName} />
      </p>
      <p className="text-sm font-medium whitespace-nowrap" data-price={item.priceAmount} data-currency={item.currency}>
        {formatMoney({ amount: item.priceAmount, currency: item.currency }, intlLocale(locale))}
      </p>
      <ReasonLine reason={item.reason} />
      <Button
        type="button"
        variant="link"
        size="xs"
        onClick={onDismiss}
        className="mt-auto self-start pt-2"
        aria-label={t("dismissLabel", { title: item.title })}
      >
        {t("dismiss")}
      </Button>
    </article>
  );
}

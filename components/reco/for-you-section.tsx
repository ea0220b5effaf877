import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { getRecommendations } from "@/lib/reco/read";
import type { Slot } from "@/lib/reco/slots";
import { pageLocale } from "@/lib/i18n/page-locale";
import { recoIdentity } from "@/lib/server/visitor";
import { makeQueryClient, recoQueryKey } from "./query-client";
import { RecoQueryProvider } from "./reco-query-provider";
import { RecoStrip } from "./reco-strip";

const STRIPS: { slot: Slot; limit: number; onlyPersonal: boolean }[] = [
  { slot: "for_you", limit: 8, onlyPersonal: false },
  // The cross-domain slots only make sense with history in the other world.
  { slot: "art_for_learners", limit: 4, onlyPersonal: true },
  { slot: "courses_for_collectors", limit: 4, onlyPersonal: true },
];

/**
 * "For you" and the personal cross-domain strips on the home page: prefetched here with the same query
 * keys the client widget uses, so the first paint has the list and the widget takes over from there.
 */
export async function ForYouSection() {
  const [who, db, locale] = await Promise.all([recoIdentity(), getDb(), pageLocale()]);
  const client = makeQueryClient();
  await Promise.all(
    STRIPS.map((s) =>
      client.prefetchQuery({
        queryKey: recoQueryKey(s.slot, s.limit, locale),
        queryFn: () => getRecommendations(db, { ...who, slot: s.slot, limit: s.limit, locale }),
      }),
    ),
  );
  return (
    <RecoQueryProvider>
      <HydrationBoundary state={dehydrate(client)}>
        <div className="space-y-10">
          {STRIPS.map((s) => (
            <RecoStrip key={s.slot} slot={s.slot} limit={s.limit} onlyPersonal={s.onlyPersonal} />
          ))}
        </div>
      </HydrationBoundary>
    </RecoQueryProvider>
  );
}

import "server-only";
/**
 * Next data-cache wrappers (server glue): landing pages and the proxy's config route read through these,
 * and campaign mutations revalidate the tags, so a page view or a config poll costs no query until
 * something changed (or the safety TTL passed: stock on featured cards, window edges).
 */
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import type { Locale } from "@/i18n/locales";
import { CACHE_TAGS } from "@/lib/campaigns/cache-tags";
import { getLandingCampaignBySlug, listLiveCampaigns } from "@/lib/campaigns/landing";
import { loadRuntimeConfig } from "@/lib/experiments/store/config-source";

/** Cached per language: the Chinese page's entry holds the Chinese content. */
export function getCachedLandingCampaign(slug: string, locale: Locale) {
  return unstable_cache(() => getLandingCampaignBySlug({ slug, locale }), ["landing-campaign", slug, locale], {
    tags: [CACHE_TAGS.campaign(slug), CACHE_TAGS.campaigns],
    revalidate: 60,
  })();
}

export const getCachedRuntimeConfig = unstable_cache(
  async () => loadRuntimeConfig(await getDb()),
  ["experiments-runtime-config"],
  {
    tags: [CACHE_TAGS.experimentsConfig],
    revalidate: 60,
  },
);

export const getCachedLiveCampaigns = unstable_cache(() => listLiveCampaigns(), ["live-campaigns"], {
  tags: [CACHE_TAGS.campaigns],
  revalidate: 300,
});

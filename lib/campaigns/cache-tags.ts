/** Cache tags for campaign data; every mutation revalidates the ones whose pages it changes. */
export const CACHE_TAGS = {
  /** The running-experiments config the proxy polls. */
  experimentsConfig: "experiments-config",
  /** Lists: the studio list, the sitemap. */
  campaigns: "campaigns",
  campaign: (slug: string) => `campaign:${slug}`,
} as const;

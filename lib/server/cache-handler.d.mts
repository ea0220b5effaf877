/** Types for cache-handler.mjs (plain JavaScript, loaded by Next at run time). */
export default class SharedTagCache {
  constructor(ctx: {
    flushToDisk?: boolean;
    serverDistDir?: string;
    revalidatedTags?: string[];
    maxMemoryCacheSize?: number;
  });
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}

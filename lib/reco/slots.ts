/**
 * What the stored recommendations are filed under, shared by the refresh that writes them
 * (refresh/recommend.ts), the reader (read.ts), event tracking and the UI: the slots a user's lists
 * fill, and the keys of the lists' owners besides signed-in users (anonymous visitors, and the
 * "popular" and per-cluster pseudo-users the reader falls back to).
 */

export const SLOTS = ["for_you", "art_for_learners", "courses_for_collectors"] as const;
export type Slot = (typeof SLOTS)[number];

/** An anonymous visitor's key: this prefix and the visitor id (a signed-in user's key is the user id). */
export const VISITOR_KEY_PREFIX = "v:";
/** The pseudo-user whose lists are the most popular items: the cold-start fallback. */
export const POPULAR_KEY = "popular";
/** The pseudo-user of one interest cluster, whose lists are its members' favourites. */
export const clusterKey = (c: number) => `cluster:${c}`;

/** Beacon limits, apart from the zod schemas so browser code can import them without zod. */

/** At most this many events per batch, and this many bytes of JSON (sendBeacon itself allows ~64 KiB). */
export const MAX_BATCH_EVENTS = 50;
export const MAX_BATCH_BYTES = 16 * 1024;
/** Dwell beyond half an hour is a tab left open, not attention. */
export const MAX_DWELL_MS = 30 * 60 * 1000;

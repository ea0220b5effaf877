/**
 * What the browser may report through the /api/events beacon, and the limits on a batch.
 *
 * Only what a page can observe comes from the browser: a view with its dwell time, and impressions
 * and clicks of recommendation strips. Purchases, carts, reviews and follows are facts the server
 * knows itself and records with recordServerEvent; a beacon cannot claim them.
 */
import { z } from "zod";
import { MAX_BATCH_EVENTS, MAX_DWELL_MS } from "./limits";

export { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_DWELL_MS } from "./limits";

/** Recommendation strips: per-user slots (lib/reco/slots.ts) and the product-page strips. */
export const TRACKED_SLOTS = ["for_you", "art_for_learners", "courses_for_collectors", "similar", "cross"] as const;
export type TrackedSlot = (typeof TRACKED_SLOTS)[number];

const productId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "productId has unexpected characters" });
const recoFields = {
  productId,
  slot: z.enum(TRACKED_SLOTS),
  /** The model the item came from (itemknn, rp3beta, pop...), for the per-slot bandit. */
  source: z.string().regex(/^[a-z0-9_]{1,24}$/),
  rank: z.number().int().min(1).max(100),
};

export const beaconEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("view"), productId, dwellMs: z.number().int().min(0).max(MAX_DWELL_MS) }),
  z.strictObject({ type: z.literal("reco_impression"), ...recoFields }),
  z.strictObject({ type: z.literal("reco_click"), ...recoFields }),
]);
export type BeaconEvent = z.infer<typeof beaconEventSchema>;

export const beaconBatchSchema = z.strictObject({
  events: z.array(beaconEventSchema).min(1).max(MAX_BATCH_EVENTS),
});
export type BeaconBatch = z.infer<typeof beaconBatchSchema>;

/** Server-side facts (see the module comment); every one belongs to a user or, failing that, a visitor. */
export const serverEventSchema = z
  .strictObject({
    type: z.enum(["purchase", "add_to_cart", "review", "follow"]),
    userId: z.string().min(1).nullish(),
    visitorId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .nullish(),
    productId: z.string().min(1).nullish(),
    /** purchase: amount paid in minor units; review: the rating. */
    value: z.number().int().min(0).nullish(),
    props: z.record(z.string(), z.unknown()).nullish(),
    at: z.date().optional(),
  })
  .refine((e) => Boolean(e.userId || e.visitorId), { message: "a server event needs a userId or a visitorId" })
  .refine((e) => e.type === "follow" || Boolean(e.productId), { message: "this event type needs a productId" })
  .refine((e) => e.type !== "review" || (e.value !== null && e.value !== undefined && e.value >= 1 && e.value <= 5), {
    message: "a review event needs its rating (1-5) as value",
  });
export type ServerEvent = z.input<typeof serverEventSchema>;

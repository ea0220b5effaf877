import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError, errorResponse } from "@/lib/errors";
import { readCapped } from "@/lib/http";
import { dismissRecommendation } from "@/lib/reco/read";
import { recoIdentity } from "@/lib/server/visitor";

const bodySchema = z.strictObject({
  productId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
/** {"productId": "…"} with a 64-character id fits many times over. */
const MAX_BODY_BYTES = 1024;

/** POST /api/reco/dismiss {productId}: "not interested"; the item leaves this user's or visitor's strips at once. */
export async function POST(request: Request): Promise<Response> {
  try {
    const text = await readCapped(request, MAX_BODY_BYTES);
    if (text === null) throw new AppError("too_large:reco", `the body is limited to ${MAX_BODY_BYTES} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("bad_request:reco", "the body is not JSON");
    }
    const parsed = bodySchema.safeParse(body);
    if (!parsed.success) throw new AppError("bad_request:reco", parsed.error.issues[0]?.message ?? "invalid body");
    const who = await recoIdentity();
    if (!who.userId && !who.visitorId)
      throw new AppError("bad_request:reco", "no visitor id to remember the choice by");
    await dismissRecommendation(await getDb(), { ...who, productId: parsed.data.productId });
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}

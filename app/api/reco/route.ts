import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError, errorResponse } from "@/lib/errors";
import { getRecommendations } from "@/lib/reco/read";
import { SLOTS } from "@/lib/reco/slots";
import { LOCALES } from "@/i18n/locales";
import { recoIdentity } from "@/lib/server/visitor";

const querySchema = z.object({
  slot: z.enum(SLOTS),
  limit: z.coerce.number().int().min(1).max(24).default(8),
  exclude: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  // The page's language, from its URL: the strip matches the page around it.
  locale: z.enum(LOCALES).default("en"),
});

/** GET /api/reco?slot=for_you&limit=8&locale=zh: the caller's recommendations as JSON, for client widgets. */
export async function GET(request: Request): Promise<Response> {
  try {
    const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("bad_request:reco", parsed.error.issues[0]?.message ?? "invalid query");
    const { slot, limit, exclude, locale } = parsed.data;
    const who = await recoIdentity();
    const list = await getRecommendations(await getDb(), {
      ...who,
      slot,
      limit,
      excludeIds: exclude ? [exclude] : [],
      locale,
    });
    // Personal data: never cached by a shared cache.
    return Response.json(list, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

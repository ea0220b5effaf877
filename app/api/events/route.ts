import { getDb } from "@/db/client";
import { currentUserId } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { createRateLimiter } from "@/lib/tracking/rate-limit";
import { handleBeacon } from "./handler";

// A page view sends one batch on leaving and a strip one per render: 20 at once, one a second after.
const limiter = createRateLimiter({ capacity: 20, refillPerSecond: 1 });

/** POST /api/events: the behaviour beacon (see handler.ts for the contract). */
export async function POST(request: Request): Promise<Response> {
  try {
    return await handleBeacon(request, { db: getDb, userId: currentUserId, limiter, now: Date.now, secureCookies: env.NODE_ENV === "production" });
  } catch (error) {
    return errorResponse(error);
  }
}

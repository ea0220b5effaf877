import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { trustProxy } from "@/lib/auth/sign-in-guard";
import { consumeLimit, RULES } from "@/lib/security/rate-limit";
import { currentUserId } from "@/lib/server/session";
import { handleBeacon } from "./handler";

// Counted in PostgreSQL, so the limit holds across app instances: one upsert per batch.
const limit = async (key: string, now: Date) => consumeLimit(await getDb(), RULES.beacon, key, now);

/** POST /api/events: the behaviour beacon (see handler.ts for the contract). */
export async function POST(request: Request): Promise<Response> {
  try {
    return await handleBeacon(request, {
      db: getDb,
      userId: currentUserId,
      limit,
      trustProxy: trustProxy(),
      now: Date.now,
    });
  } catch (error) {
    return errorResponse(error);
  }
}

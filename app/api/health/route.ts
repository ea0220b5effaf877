import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the e2e web server. */
export async function GET() {
  const started = performance.now();
  try {
    const { db, driver } = await getDbHandle();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", driver, dbMs: Math.round(performance.now() - started) });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}

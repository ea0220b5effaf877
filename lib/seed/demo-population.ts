/**
 * The synthetic customers a newcomer's shop starts with, so segments, "for you" and the studio's
 * figures are real from the first start instead of "Nothing computed yet": a few thousand consumers
 * whose views, carts, purchases and follows carry the cross-domain tastes population.ts plants (ink
 * learners collect ink, finance learners buy editions).
 *
 * Seeded and reproducible: the same seed and day give the same people and events. The events end at
 * today's UTC midnight rather than population.ts's fixed date, so the studio's "last 8 weeks" trend and
 * the refresh's time decay see a shop that is active now; two first starts on one day write the same rows.
 *
 * Run by the embedded database's first start (lib/server-start.ts, unless DEMO_POPULATION=false) and by
 * `npm run db:seed -- --demo-population`. Never by the test suites' own seeding (test/fresh-db.ts) nor
 * by openAppDatabase, which the scripts and tests share: only the app's own first start pays for it.
 */
import type { Db } from "@/db/client";
import { recoState } from "@/db/schema";
import { generatePopulation, type PopulationSummary } from "./population";

export const DEMO_POPULATION = { users: 3_000, events: 60_000, seed: 7 } as const;

const DAY_MS = 86_400_000;

/** Today at 00:00 UTC: where the demo population's six months of behaviour end. */
export function demoPopulationEnd(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

export function seedDemoPopulation(db: Db, now: Date = new Date()): Promise<PopulationSummary> {
  return generatePopulation(db, { ...DEMO_POPULATION, now: demoPopulationEnd(now) });
}

/**
 * The demo customers for a shop that has never computed recommendations: a newcomer's first start, or a
 * restart after a first start was cut short (the generator keeps what it already wrote). A shop that
 * has refreshed once is left alone, demo customers or not. Null when nothing was to be done.
 */
export async function seedDemoPopulationOnFirstStart(
  db: Db,
  now: Date = new Date(),
): Promise<PopulationSummary | null> {
  const refreshed = await db.select({ generation: recoState.generation }).from(recoState).limit(1);
  if (refreshed.length > 0) return null;
  return seedDemoPopulation(db, now);
}

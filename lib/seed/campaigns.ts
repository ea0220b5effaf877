/**
 * The demo co-branded campaign: Lin Mei (instructor) × West Lake Gallery, a course + edition bundle and
 * two landing variants, launched. Idempotent: a campaign with the demo slug is left as it is.
 */
import { eq } from "drizzle-orm";
import { demoCampaignInput } from "@/lib/campaigns/fixtures";
import { createCampaign, transitionCampaign } from "@/lib/campaigns/store";
import type { Db } from "@/db/client";
import { campaigns, users } from "@/db/schema";
import { seedId } from "./ids";

export async function seedCampaigns(db: Db): Promise<{ created: boolean }> {
  const input = demoCampaignInput();
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, input.slug));
  if (existing) return { created: false };
  const marketer = seedId("user", "marketer@atelier.test");
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, marketer));
  const result = await createCampaign(db, input, {
    userId: owner?.id ?? null,
    ids: {
      campaign: seedId("campaign", input.slug),
      bundle: seedId("product", `${input.slug}-bundle`),
      experiment: seedId("experiment", input.slug),
    },
  });
  if (!result.ok) throw new Error(`demo campaign did not validate: ${JSON.stringify(result.fieldErrors)}`);
  const launched = await transitionCampaign(db, result.id, "launch");
  if (!launched.ok) throw new Error(`demo campaign did not launch: ${launched.error}`);
  return { created: true };
}

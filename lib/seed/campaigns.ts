/**
 * The demo co-branded campaign: Lin Mei (instructor) × West Lake Gallery, a course + edition bundle and
 * two landing variants, launched. Idempotent: a campaign with the demo slug is left as it is.
 */
import { and, eq } from "drizzle-orm";
import { demoCampaignInput } from "@/lib/campaigns/fixtures";
import { createCampaign, transitionCampaign } from "@/lib/campaigns/store";
import type { Db } from "@/db/client";
import {
  campaigns,
  experimentVariants,
  experiments,
  products,
  users,
  type CampaignContent,
  type VariantContent,
} from "@/db/schema";
import { seedId } from "./ids";

/** The demo landing page and bundle in Chinese: written for a Chinese visitor, not glossed from English. */
export const DEMO_CAMPAIGN_ZH: {
  content: CampaignContent;
  bundleTitle: string;
  bundleDescription: string;
  /** Each variant's copy in Chinese, by variant key (the control has none: it shows the landing content). */
  variants: Record<string, VariantContent>;
} = {
  content: {
    heroTitle: "先学画山，再把一座山挂回家",
    heroText: "一门课程加一件可收藏的限量作品，由杭州的一位老师和一家画廊共同挑选。",
    story: [
      {
        heading: "为什么是一位老师加一家画廊",
        body: "林梅教你笔法，西湖画廊让你看到笔法的归宿。在课程里练习层层渲染，墙上的那件作品就是完成后的样子。",
      },
      {
        heading: "你将得到",
        body: "《水墨烟岚山水》课程永久观看权限，以及一件《暮色·荷塘》编号艺术微喷（限量 30 版），装框后寄送到家。",
      },
    ],
  },
  bundleTitle: "《水墨烟岚山水》课程 +《暮色·荷塘》限量版",
  bundleDescription: "跟林梅学习水墨层层渲染，练习时墙上就挂着一件西湖画廊出品的编号宣纸微喷。",
  variants: {
    "save-framing": {
      headline: "课程加装框限量版，立省 70 美元",
      heroText: "",
      body: "",
      offer: "免费装框，包邮到家",
      cta: "购买套餐",
    },
  },
};

/**
 * Gives a seeded campaign its Chinese landing content, its bundle a Chinese title and its variants their
 * Chinese copy, after creating it from the shared English fixture (lib/campaigns/fixtures.ts), which the
 * tests use as it is.
 */
export async function writeDemoCampaignZh(db: Db, campaignId: string, bundleId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [experiment] = await tx
      .select({ id: experiments.id })
      .from(experiments)
      .where(eq(experiments.campaignId, campaignId));
    for (const [key, copy] of Object.entries(DEMO_CAMPAIGN_ZH.variants)) {
      if (!experiment) break;
      await tx
        .update(experimentVariants)
        .set({ contentZh: copy })
        .where(and(eq(experimentVariants.experimentId, experiment.id), eq(experimentVariants.key, key)));
    }
    await tx.update(campaigns).set({ contentZh: DEMO_CAMPAIGN_ZH.content }).where(eq(campaigns.id, campaignId));
    await tx
      .update(products)
      .set({ titleZh: DEMO_CAMPAIGN_ZH.bundleTitle, descriptionZh: DEMO_CAMPAIGN_ZH.bundleDescription })
      .where(eq(products.id, bundleId));
  });
}

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
  await writeDemoCampaignZh(db, result.id, seedId("product", `${input.slug}-bundle`));
  const launched = await transitionCampaign(db, result.id, "launch");
  if (!launched.ok) throw new Error(`demo campaign did not launch: ${launched.error}`);
  return { created: true };
}

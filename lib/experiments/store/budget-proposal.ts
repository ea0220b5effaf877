/**
 * Next period's channel budget split for a campaign: each channel's spend so far (entered by the
 * marketer) and its attributed conversions (visitors whose first landing carried its utm_source) go to
 * the Thompson sampler in ../bandit.ts. Returned together with the data it used, so the marketer can see
 * why; a proposal, never applied automatically.
 */
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { campaignChannels } from "@/db/schema";
import { proposeBudgetSplit } from "../bandit";
import { BUDGET_FULL_EVIDENCE, BUDGET_MIN_SHARE, budgetSpendUnit, type BudgetProposal } from "../budget-proposal";
import { fnv1a32 } from "../hash";
import { loadChannelTotals } from "./measurement";
import { loadCampaignScope } from "./results";

export async function getBudgetProposal(db: Executor, campaignId: string): Promise<BudgetProposal | null> {
  const scope = await loadCampaignScope(db, campaignId, null);
  if (!scope) return null;
  const channels = await db
    .select()
    .from(campaignChannels)
    .where(eq(campaignChannels.campaignId, campaignId))
    .orderBy(asc(campaignChannels.source));
  const totals = await loadChannelTotals(db, scope);
  const bySource = new Map(totals.map((t) => [t.source, t]));
  const totalBudget = channels.reduce((s, c) => s + c.budgetAmount, 0);
  const spendUnit = budgetSpendUnit(scope.currency);
  const burnInSpend = 100 * spendUnit;
  const split = proposeBudgetSplit(
    channels.map((c) => ({
      channel: c.source,
      spend: c.spentAmount,
      conversions: bySource.get(c.source)?.conversions ?? 0,
    })),
    totalBudget,
    {
      minShare: BUDGET_MIN_SHARE,
      spendUnit,
      minSpend: burnInSpend,
      fullEvidenceConversions: BUDGET_FULL_EVIDENCE,
      current: channels.map((c) => c.budgetAmount),
      seed: fnv1a32(`${campaignId}:${channels.map((c) => `${c.source}=${c.spentAmount}`).join(",")}`),
    },
  );
  const conversionsOf = (source: string) => bySource.get(source)?.conversions ?? 0;
  const known = new Set(channels.map((c) => c.source));
  const unattributed = totals.filter((t) => t.source === null || !known.has(t.source));
  return {
    currency: scope.currency,
    totalBudget,
    burnIn: channels.length > 1 && channels.some((c) => c.spentAmount < burnInSpend),
    evidence: channels.length ? Math.min(1, ...channels.map((c) => conversionsOf(c.source) / BUDGET_FULL_EVIDENCE)) : 0,
    burnInSpend,
    channels: channels.map((c, i) => {
      const t = bySource.get(c.source);
      return {
        source: c.source,
        currency: c.currency,
        budgetAmount: c.budgetAmount,
        spentAmount: c.spentAmount,
        visitors: t?.visitors ?? 0,
        conversions: t?.conversions ?? 0,
        revenue: t?.revenue ?? 0,
        proposedAmount: split[i]?.budget ?? 0,
        share: split[i]?.share ?? 0,
        rate: split[i]?.rate ?? { mean: 0, ci: [0, 0] },
      };
    }),
    unattributed: {
      visitors: unattributed.reduce((s, t) => s + t.visitors, 0),
      conversions: unattributed.reduce((s, t) => s + t.conversions, 0),
    },
  };
}

/**
 * Next period's channel budget split for a campaign: each channel's spend so far (entered by the
 * marketer) and its attributed conversions (visitors whose first landing carried its utm_source) go to
 * the Thompson sampler in bandit.ts. Returned together with the data it used, so the marketer can see
 * why; a proposal, never applied automatically.
 */
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { campaignChannels } from "@/db/schema";
import { currencyExponent } from "@/lib/money";
import { proposeBudgetSplit } from "../bandit";
import { fnv1a32 } from "../hash";
import { loadChannelTotals } from "./measurement";
import { loadCampaignScope } from "./results";

export type ChannelProposal = {
  source: string;
  currency: string;
  budgetAmount: number;
  spentAmount: number;
  visitors: number;
  conversions: number;
  revenue: number;
  proposedAmount: number;
  share: number;
  /** Conversions per major unit of spend: posterior mean and 95% credible interval. */
  rate: { mean: number; ci: [number, number] };
};

export type BudgetProposal = {
  currency: string;
  totalBudget: number;
  /** True while some channel has spent less than `burnInSpend`: the split stays as it is today. */
  burnIn: boolean;
  /** How far the proposal moves from today's split towards the sampler's (0 to 1): see BUDGET_FULL_EVIDENCE. */
  evidence: number;
  /** The sampler's burn-in, in minor units of `currency`: 100 of the currency's major units. */
  burnInSpend: number;
  channels: ChannelProposal[];
  /** Landings without a utm_source or with one that is not a configured channel. */
  unattributed: { visitors: number; conversions: number };
};

export const BUDGET_MIN_SHARE = 0.05;
/**
 * Shrinkage rule: the proposal moves from today's split towards the sampler's in proportion to the
 * weakest channel's evidence, min(1, conversions / BUDGET_FULL_EVIDENCE); with 30 conversions in every
 * channel it follows the sampler fully. One lucky conversion therefore moves almost nothing.
 */
export const BUDGET_FULL_EVIDENCE = 30;
/** The sampler counts spend in major units of the currency (1.00 USD is 100 minor units, 1 JPY is 1). */
export function budgetSpendUnit(currency: string): number {
  return 10 ** currencyExponent(currency);
}

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

/**
 * A campaign's channel budget proposal: its shape, the shrinkage rule, and the spend unit the sampler
 * counts in. store/budget-proposal.ts loads the spend and attributed conversions and fills it in; the
 * studio's table (components/campaign/budget-proposal.tsx) reads it.
 */
import { currencyExponent } from "@/lib/money";

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

/**
 * When and how far a bandit experiment's weights may move: the burn-in rules and the step limit around
 * the Thompson sampler (bandit.ts). Pure; store/bandit-job.ts loads each experiment's arms, asks
 * nextBanditWeights, and writes the answer.
 */
import { limitStep, thompsonWeights } from "./bandit";

/**
 * The rules that keep a bandit from chasing noise. Weights stay as launched until the phase has run
 * for BANDIT_MIN_PHASE_HOURS (a full day of traffic, not one morning's) and every arm has
 * BANDIT_MIN_SAMPLES visitors and BANDIT_MIN_CONVERSIONS conversions; after that, one update moves any
 * arm's weight by at most BANDIT_MAX_STEP, and no arm drops below BANDIT_MIN_WEIGHT.
 */
export const BANDIT_MIN_WEIGHT = 0.01;
export const BANDIT_MIN_SAMPLES = 100;
export const BANDIT_MIN_CONVERSIONS = 20;
export const BANDIT_MIN_PHASE_HOURS = 24;
export const BANDIT_MAX_STEP = 0.1;

export type BanditBurnIn = "visitors" | "conversions" | "time";

export type BanditContext = { previous: readonly number[]; phaseStartedAt: Date | null; now: Date };

/** Which burn-in rule still holds, or null when the weights may move. */
export function banditBurnIn(
  arms: { n: number; conversions: number }[],
  { phaseStartedAt, now }: Pick<BanditContext, "phaseStartedAt" | "now">,
): BanditBurnIn | null {
  if (arms.some((a) => a.n < BANDIT_MIN_SAMPLES)) return "visitors";
  if (arms.some((a) => a.conversions < BANDIT_MIN_CONVERSIONS)) return "conversions";
  if (!phaseStartedAt || now.getTime() - phaseStartedAt.getTime() < BANDIT_MIN_PHASE_HOURS * 3_600_000) return "time";
  return null;
}

/** Weights to use next (at most BANDIT_MAX_STEP from the previous ones), or the burn-in rule that keeps them. */
export function nextBanditWeights(
  arms: { n: number; conversions: number }[],
  seed: number,
  context: BanditContext,
): number[] | BanditBurnIn {
  if (arms.length < 2) return "visitors";
  const held = banditBurnIn(arms, context);
  if (held) return held;
  const target = thompsonWeights(arms, {
    minWeight: BANDIT_MIN_WEIGHT,
    minSamples: BANDIT_MIN_SAMPLES,
    minConversions: BANDIT_MIN_CONVERSIONS,
    draws: 20_000,
    seed,
  });
  return limitStep(context.previous, target, BANDIT_MAX_STEP);
}

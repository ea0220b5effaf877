/**
 * Which variant a landing render shows, and whether it counts: the proxy's assignment when it is for this
 * campaign's current phase, a previewed variant for studio users and preview links (never counted), and
 * the control otherwise (paused or ended campaigns, no consent, bots, stale phase).
 */
import type { AssignmentHeader } from "@/lib/experiments/visitor-assignment";
import type { LandingCampaign, LandingVariant } from "./landing";

export type LandingDecision = {
  variant: LandingVariant;
  counted: boolean;
  source: "assignment" | "preview" | "control";
};

export function resolveLandingVariant(
  campaign: Pick<LandingCampaign, "status" | "experiment">,
  assignment: AssignmentHeader | null,
  preview: { allowed: boolean; variantKey: string | null },
): LandingDecision {
  const variants = campaign.experiment.variants;
  const control = variants[0] as LandingVariant;
  if (preview.allowed && preview.variantKey) {
    const chosen = variants.find((v) => v.key === preview.variantKey);
    if (chosen) return { variant: chosen, counted: false, source: "preview" };
  }
  if (campaign.status !== "running" || !assignment) return { variant: control, counted: false, source: "control" };
  if (assignment.key !== campaign.experiment.key || assignment.bucketVersion !== campaign.experiment.bucketVersion) {
    return { variant: control, counted: false, source: "control" };
  }
  const assigned = variants.find((v) => v.position === assignment.variant);
  if (!assigned) return { variant: control, counted: false, source: "control" };
  return { variant: assigned, counted: assignment.counted, source: "assignment" };
}

/** The variant's copy where it has any, the campaign's own otherwise. */
export function landingCopy(campaign: Pick<LandingCampaign, "content">, variant: LandingVariant) {
  const v = variant.content;
  return {
    headline: v.headline || campaign.content.heroTitle,
    heroText: v.heroText || campaign.content.heroText,
    body: v.body,
    offer: v.offer,
    cta: v.cta,
  };
}

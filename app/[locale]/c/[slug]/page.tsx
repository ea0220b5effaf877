import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { LandingView } from "@/components/campaign/landing-view";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { campaignJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { requestTime } from "@/lib/campaigns/clock";
import { isPubliclyVisible } from "@/lib/campaigns/landing";
import { landingCopy, resolveLandingVariant } from "@/lib/campaigns/landing-variant";
import { isSlugLike } from "@/lib/campaigns/slug";
import { env } from "@/lib/env";
import { recordExposureOnce } from "@/lib/experiments/store/exposures";
import { applySegmentTargeting } from "@/lib/experiments/targeting";
import { ASSIGNMENT_HEADER, parseAssignmentHeader } from "@/lib/experiments/visitor-assignment";
import { getSegmentsOf } from "@/lib/reco/read";
import { getCachedLandingCampaign } from "@/lib/server/cached-campaigns";
import { intlLocale } from "@/i18n/locales";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";
import { currentUserId, getCurrentUser } from "@/lib/server/session";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

/** Metadata is the same for every variant: one canonical URL, the control's copy, indexable only while public. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  if (!isSlugLike(slug)) return {};
  const campaign = await getCachedLandingCampaign(slug, await pageLocale());
  if (!campaign) return {};
  const title = campaign.content.heroTitle;
  const description = campaign.content.heroText || campaign.bundle.description;
  const locale = await pageLocale();
  const alternates = alternatesFor(`/c/${campaign.slug}`, locale);
  return {
    title,
    description,
    alternates,
    openGraph: {
      type: "website",
      url: alternates.canonical,
      title,
      description,
      siteName: "Atelier",
      locale: intlLocale(locale).replace("-", "_"),
    },
    twitter: { card: "summary_large_image", title, description },
    robots: campaign.status === "running" ? { index: true, follow: true } : { index: false, follow: true },
  };
}

export default async function CampaignLandingPage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isSlugLike(slug)) notFound();
  const [campaign, query, requestHeaders] = await Promise.all([
    pageLocale().then((locale) => getCachedLandingCampaign(slug, locale)),
    searchParams,
    headers(),
  ]);
  if (!campaign) notFound();
  const now = requestTime();

  // Previews: a preview link (token) or a marketer/admin may see any status and pick a variant.
  const token = one(query.preview);
  const variantKey = one(query.variant);
  const byToken = token !== null && token === campaign.previewToken;
  const needsStudio = !isPubliclyVisible(campaign) || variantKey !== null;
  const studio = needsStudio && !byToken ? hasRole(await getCurrentUser(), ["marketer", "admin"]) : false;
  const previewAllowed = byToken || studio;
  if (!isPubliclyVisible(campaign) && !previewAllowed) notFound();

  const assignment = parseAssignmentHeader(requestHeaders.get(ASSIGNMENT_HEADER));
  let decision = resolveLandingVariant(campaign, assignment, { allowed: previewAllowed, variantKey });

  if (decision.counted && assignment) {
    const userId = await currentUserId();
    // Segment targeting needs the user's segment: only the render can look it up (lib/experiments/targeting.ts).
    // Outside the chosen segments the visitor sees the control and is not counted.
    decision = await applySegmentTargeting(decision, {
      targeted: campaign.audience.segments,
      control: campaign.experiment.variants[0]!,
      memberOf: async () => getSegmentsOf(await getDb(), { userId, visitorId: assignment.visitorId }),
    });
    if (decision.counted) {
      const exposure = {
        experimentKey: campaign.experiment.key,
        bucketVersion: assignment.bucketVersion,
        variant: decision.variant.position,
        visitorId: assignment.visitorId,
        userId,
        utmSource: assignment.utmSource,
      };
      // After the response: the visitor never waits for the write, and a failed write never breaks the page.
      after(async () => {
        try {
          await recordExposureOnce(await getDb(), exposure);
        } catch (error) {
          console.error("[experiments] exposure not recorded", error);
        }
      });
    }
  }

  const t = await getTranslations("landing");
  const previewNote =
    decision.source === "preview" || !isPubliclyVisible(campaign)
      ? t("previewNote", { status: t(`status.${campaign.status}`), variant: decision.variant.name })
      : null;
  const jsonLd = campaignJsonLd(
    {
      ...campaign,
      content: { ...campaign.content, heroTitle: landingCopy(campaign, campaign.experiment.variants[0]!).headline },
    },
    env.SITE_URL,
    await pageLocale(),
  );

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <LandingView campaign={campaign} variant={decision.variant} previewNote={previewNote} now={now} />
    </>
  );
}

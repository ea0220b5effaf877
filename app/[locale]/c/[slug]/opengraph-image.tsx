import { brandCardImage, SHARE_CARD_SIZE, shareCardImage } from "@/components/og/share-card";
import { isSlugLike } from "@/lib/campaigns/slug";
import { formatMoney } from "@/lib/money";
import { getCachedLandingCampaign } from "@/lib/server/cached-campaigns";

export const alt = "Atelier co-branded campaign";
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

/** One share image per campaign (the control's copy: the same for every variant, like the canonical URL). */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const campaign = isSlugLike(slug) ? await getCachedLandingCampaign(slug, "en") : null;
  if (!campaign) return brandCardImage();
  return shareCardImage({
    eyebrow: campaign.partners.map((p) => p.name).join(" × "),
    title: campaign.content.heroTitle,
    footer: campaign.bundle.title,
    price: formatMoney({ amount: campaign.bundle.priceAmount, currency: campaign.bundle.currency }, "en-US"),
  });
}

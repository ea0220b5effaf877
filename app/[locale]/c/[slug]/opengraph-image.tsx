import { ImageResponse } from "next/og";
import { isSlugLike } from "@/lib/campaigns/slug";
import { formatMoney } from "@/lib/money";
import { getCachedLandingCampaign } from "@/lib/server/cached-campaigns";

export const alt = "Atelier co-branded campaign";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/**
 * One share image per campaign (the control's copy: the same for every variant, like the canonical URL).
 * In English: next/og's bundled font has no CJK glyphs, so Chinese copy would draw as empty boxes.
 */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const campaign = isSlugLike(slug) ? await getCachedLandingCampaign(slug, "en") : null;
  const title = campaign?.content.heroTitle ?? "Atelier";
  const partners = campaign?.partners.map((p) => p.name).join(" × ") ?? "";
  const price = campaign
    ? formatMoney({ amount: campaign.bundle.priceAmount, currency: campaign.bundle.currency }, "en-US")
    : "";
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#faf7f2",
        color: "#1d1b18",
        padding: 72,
        borderBottom: "24px solid #9b2c1f",
      }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#6b645a", letterSpacing: 2, textTransform: "uppercase" }}>
        {partners}
      </div>
      <div style={{ display: "flex", fontSize: 72, lineHeight: 1.1, fontFamily: "serif", maxWidth: 1000 }}>{title}</div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end", fontSize: 32 }}>
        <div style={{ display: "flex", color: "#3f5d4a" }}>{campaign?.bundle.title ?? ""}</div>
        <div style={{ display: "flex", fontSize: 48, color: "#9b2c1f" }}>{price}</div>
      </div>
    </div>,
    size,
  );
}
